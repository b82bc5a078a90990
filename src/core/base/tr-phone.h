/* tr-phone.h: Taiwanese phone numbers as people write them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What is wrong with a phone number, if anything: a hint to show, never a
 * reason to refuse the text. */
typedef enum {
  TR_PHONE_VALID,
  TR_PHONE_EMPTY,
  TR_PHONE_BAD_CHARACTERS,  /* letters or symbols that are not separators */
  TR_PHONE_NO_AREA_CODE,    /* does not start with 0 (or +886) */
  TR_PHONE_TOO_SHORT,       /* too few digits for its area code */
  TR_PHONE_TOO_LONG,
  TR_PHONE_FOREIGN,         /* a country code other than +886 */
  TR_PHONE_BAD_EXTENSION,   /* the extension is not 1 to 6 digits */
} TrPhoneStatus;

/* Checks @phone, written the ways people write a number in Taiwan:
 * 02-2345-6789, (02)2345-6789, 04-22289111#6302, 04-2228-9111 轉 6302,
 * 0912-345-678, 0912345678, +886-2-2345-6789, full-width digits and
 * punctuation too. On TR_PHONE_VALID, the number's digits from its leading
 * 0 ("0223456789") in @out_number and the extension's digits, or NULL, in
 * @out_extension; both may be NULL. */
TrPhoneStatus tr_phone_check           (const char     *phone,
                                        char          **out_number,
                                        char          **out_extension);

/* A one-line hint for people, with examples; NULL for TR_PHONE_VALID and
 * TR_PHONE_EMPTY. */
const char   *tr_phone_status_get_hint (TrPhoneStatus   status);

G_END_DECLS
