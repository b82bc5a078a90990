/* test-phone.c: Taiwanese phone numbers as people write them
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <locale.h>

#include "tr-phone.h"

static const struct {
  const char *phone;
  const char *number;
  const char *extension;
} valid[] = {
  { "02-2345-6789", "0223456789", NULL },
  { "(02)2345-6789", "0223456789", NULL },
  { "(02) 2345 6789", "0223456789", NULL },
  { "02 23456789", "0223456789", NULL },
  { "04-22289111#6302", "0422289111", "6302" },
  { "04-2228-9111 轉 6302", "0422289111", "6302" },
  { "04-2228-9111分機6302", "0422289111", "6302" },
  { "04-2228-9111 ext. 12", "0422289111", "12" },
  { "04-7123456", "047123456", NULL },          /* 彰化: 9 digits */
  { "049-2345678", "0492345678", NULL },        /* 南投 */
  { "03-123-4567", "031234567", NULL },
  { "037-123456", "037123456", NULL },
  { "07-123-4567", "071234567", NULL },
  { "089-123456", "089123456", NULL },
  { "0836-12345", "083612345", NULL },
  { "0912-345-678", "0912345678", NULL },
  { "0912345678", "0912345678", NULL },
  { "0800-123-456", "0800123456", NULL },
  { "+886-2-2345-6789", "0223456789", NULL },
  { "+886 912 345 678", "0912345678", NULL },
  { "+886 (0)2 2345 6789", "0223456789", NULL },
  { "０２－２３４５－６７８９", "0223456789", NULL },   /* full-width */
  { "（０４）２２２８－９１１１＃６３０２", "0422289111", "6302" },
  { " 02-2345-6789 ", "0223456789", NULL },
};

static const struct {
  const char *phone;
  TrPhoneStatus status;
} invalid[] = {
  { "", TR_PHONE_EMPTY },
  { "  - ", TR_PHONE_EMPTY },
  { "2345-6789", TR_PHONE_NO_AREA_CODE },
  { "912-345-678", TR_PHONE_NO_AREA_CODE },
  { "00-1234-5678", TR_PHONE_NO_AREA_CODE },
  { "02-2345-678", TR_PHONE_TOO_SHORT },
  { "0912-345-67", TR_PHONE_TOO_SHORT },
  { "04-123456", TR_PHONE_TOO_SHORT },
  { "02-2345-67890", TR_PHONE_TOO_LONG },
  { "07-1234-5678", TR_PHONE_TOO_LONG },
  { "0422289111-6302", TR_PHONE_TOO_LONG },      /* an extension without # */
  { "+81-3-1234-5678", TR_PHONE_FOREIGN },
  { "04-2228-9111#", TR_PHONE_BAD_EXTENSION },
  { "04-2228-9111#1234567", TR_PHONE_BAD_EXTENSION },
  { "04-2228-9111#12a", TR_PHONE_BAD_EXTENSION },
  { "請洽總機", TR_PHONE_BAD_CHARACTERS },
  { "02-2345-6789 或 0912-345-678", TR_PHONE_BAD_CHARACTERS },
  { "02+2345-6789", TR_PHONE_BAD_CHARACTERS },
  { "+", TR_PHONE_BAD_CHARACTERS },
  { "\xff\xfe", TR_PHONE_BAD_CHARACTERS },
};

static void
test_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *extension = NULL;

      g_test_message ("%s", valid[i].phone);
      g_assert_cmpint (tr_phone_check (valid[i].phone, &number, &extension), ==, TR_PHONE_VALID);
      g_assert_cmpstr (number, ==, valid[i].number);
      g_assert_cmpstr (extension, ==, valid[i].extension);
      g_assert_null (tr_phone_status_get_hint (TR_PHONE_VALID));
    }
}

static void
test_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *extension = NULL;
      TrPhoneStatus status = tr_phone_check (invalid[i].phone, &number, &extension);

      g_test_message ("%s", invalid[i].phone);
      g_assert_cmpint (status, ==, invalid[i].status);
      g_assert_null (number);
      g_assert_null (extension);
      /* A hint for each problem, none for an empty field. */
      if (status == TR_PHONE_EMPTY)
        g_assert_null (tr_phone_status_get_hint (status));
      else
        g_assert_nonnull (tr_phone_status_get_hint (status));
    }
  g_assert_cmpint (tr_phone_check (NULL, NULL, NULL), ==, TR_PHONE_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone/valid", test_valid);
  g_test_add_func ("/phone/invalid", test_invalid);
  return g_test_run ();
}
