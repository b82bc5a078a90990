/* tr-phone.c
 *
 * Lengths from the national numbering plan, counting the leading 0: mobile
 * (09) and toll-free (080) numbers have 10 digits, as has Taipei (02 and
 * eight digits); 04 (Taichung, Changhua, Nantou's 049) has 9 or 10; every
 * other area (03, 037, 05, 06, 07, 08, 082, 0826, 089, 0836) has 9.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "tr-phone.h"

#define MAX_EXTENSION_DIGITS 6

static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)   /* full-width ０–９ */
    return c - 0xFF10;
  return -1;
}

static gboolean
is_separator (gunichar c)
{
  switch (c)
    {
    case ' ': case 0x3000:                       /* spaces, ideographic too */
    case '-': case 0xFF0D: case 0x2010: case 0x2011: case 0x2012: case 0x2013:
    case 0x2014: case 0x2015: case 0x2212:       /* hyphens and dashes */
    case '(': case ')': case 0xFF08: case 0xFF09:
    case '.': case 0xFF0E:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The length of the extension marker at @p (#, ＃, 轉, 分機, ext., x), or 0. */
static gsize
extension_marker_length (const char *p)
{
  static const char * const markers[] = { "#", "＃", "轉", "分機", "ext.", "ext", "Ext.", "Ext", "EXT", "x", "X" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (g_str_has_prefix (p, markers[i]))
      return strlen (markers[i]);
  return 0;
}

static TrPhoneStatus
check_length (const char *number)
{
  gsize length = strlen (number);
  gsize min_length, max_length;

  if (number[0] != '0' || number[1] == '0' || number[1] == '1' || number[1] == '\0')
    return TR_PHONE_NO_AREA_CODE;
  if (number[1] == '9' || number[1] == '2' || g_str_has_prefix (number, "080"))
    min_length = max_length = 10;
  else if (number[1] == '4')
    min_length = 9, max_length = 10;
  else
    min_length = max_length = 9;

  if (length < min_length)
    return TR_PHONE_TOO_SHORT;
  if (length > max_length)
    return TR_PHONE_TOO_LONG;
  return TR_PHONE_VALID;
}

/* The digits of @text, in @digits, with separators between them; a
 * leading + (or ＋) sets @out_plus when @plus_allowed. FALSE on anything
 * else. */
static gboolean
collect_digits (const char *text,
                const char *end,
                gboolean    plus_allowed,
                GString    *digits,
                gboolean   *out_plus)
{
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (digit_value (c) >= 0)
        g_string_append_c (digits, '0' + digit_value (c));
      else if ((c == '+' || c == 0xFF0B) && plus_allowed && digits->len == 0 && !*out_plus)
        *out_plus = TRUE;
      else if (!is_separator (c))
        return FALSE;
    }
  return TRUE;
}

TrPhoneStatus
tr_phone_check (const char  *phone,
                char       **out_number,
                char       **out_extension)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) extension = g_string_new (NULL);
  const char *marker = NULL;
  gsize marker_length = 0;
  gboolean plus = FALSE;
  gboolean extension_plus = FALSE;  /* never set: no + in an extension */
  TrPhoneStatus status;

  if (out_number != NULL)
    *out_number = NULL;
  if (out_extension != NULL)
    *out_extension = NULL;
  if (phone == NULL)
    return TR_PHONE_EMPTY;
  if (!g_utf8_validate (phone, -1, NULL))
    return TR_PHONE_BAD_CHARACTERS;

  /* The extension starts at the first marker (#, 轉 …) past the start. */
  for (const char *p = phone; *p != '\0' && marker == NULL; p = g_utf8_next_char (p))
    if (p > phone && (marker_length = extension_marker_length (p)) > 0)
      marker = p;

  if (!collect_digits (phone, marker != NULL ? marker : phone + strlen (phone), TRUE, digits, &plus))
    return TR_PHONE_BAD_CHARACTERS;
  if (digits->len == 0)
    {
      if (plus || marker != NULL)
        return TR_PHONE_BAD_CHARACTERS;
      /* Only spaces and dashes: nothing written. */
      return TR_PHONE_EMPTY;
    }
  if (marker != NULL)
    {
      const char *rest = marker + marker_length;

      if (!collect_digits (rest, rest + strlen (rest), FALSE, extension, &extension_plus))
        return TR_PHONE_BAD_EXTENSION;
      if (extension->len == 0 || extension->len > MAX_EXTENSION_DIGITS)
        return TR_PHONE_BAD_EXTENSION;
    }

  if (plus)
    {
      if (!g_str_has_prefix (digits->str, "886"))
        return TR_PHONE_FOREIGN;
      /* +886 2 …, or the +886 (0)2 … some write: the national number. */
      g_string_erase (digits, 0, 3);
      if (digits->str[0] != '0')
        g_string_prepend_c (digits, '0');
    }

  status = check_length (digits->str);
  if (status != TR_PHONE_VALID)
    return status;
  if (out_number != NULL)
    *out_number = g_strdup (digits->str);
  if (out_extension != NULL && extension->len > 0)
    *out_extension = g_strdup (extension->str);
  return TR_PHONE_VALID;
}

const char *
tr_phone_status_get_hint (TrPhoneStatus status)
{
  switch (status)
    {
    case TR_PHONE_VALID:
    case TR_PHONE_EMPTY:
      return NULL;
    case TR_PHONE_BAD_CHARACTERS:
      return _("A phone number has only digits, spaces, hyphens and parentheses, as in (02) 2345-6789");
    case TR_PHONE_NO_AREA_CODE:
      return _("Start with the area code, as in 02-2345-6789, or 09 for a mobile phone");
    case TR_PHONE_TOO_SHORT:
      return _("Too few digits for a Taiwanese number, such as 02-2345-6789 or 0912-345-678");
    case TR_PHONE_TOO_LONG:
      return _("Too many digits for a Taiwanese number, such as 02-2345-6789 or 0912-345-678; an extension goes after #");
    case TR_PHONE_FOREIGN:
      return _("Not a Taiwanese number: the country code of Taiwan is +886");
    case TR_PHONE_BAD_EXTENSION:
      return _("An extension is 1 to 6 digits after #, as in 04-2228-9111#6302");
    default:
      g_return_val_if_reached (NULL);
    }
}
