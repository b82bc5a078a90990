/* test-identity.c: the user's name, title, unit and phone filled into a
 * new draft and a review form, without overwriting what is there
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-identity.h"

static TrIdentity *
new_identity (void)
{
  TrIdentity *identity = tr_identity_new ();

  tr_identity_set_name (identity, " 王小明 ");
  tr_identity_set_title (identity, "科長");
  tr_identity_set_unit (identity, "國際合作科");
  tr_identity_set_phone (identity, "02-2345-6789");
  return identity;
}

static void
test_fill_new_draft (void)
{
  g_autoptr(TrIdentity) identity = new_identity ();
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  g_autoptr(TrTraveller) first = NULL;

  /* Spaces around what was typed in Preferences are not part of it. */
  g_assert_cmpstr (tr_identity_get_name (identity), ==, "王小明");
  tr_identity_fill_report (identity, report);
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CONTACT), ==, "王小明");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PHONE), ==, "02-2345-6789");
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 1);
  first = g_list_model_get_item (travellers, 0);
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_NAME), ==, "王小明");
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_UNIT), ==, "國際合作科");
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_TITLE), ==, "科長");
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_PHONE), ==, "02-2345-6789");
  g_assert_cmpstr (tr_traveller_get (first, TR_TRAVELLER_AGENCY), ==, "");
}

static void
test_fill_keeps_what_is_there (void)
{
  g_autoptr(TrIdentity) identity = new_identity ();
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrTraveller) leader = tr_traveller_new ();
  g_autoptr(TrReview) review = tr_review_new ();
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));

  tr_report_set_text (report, TR_FIELD_CONTACT, "李大華");
  tr_traveller_set (leader, TR_TRAVELLER_NAME, "李大華");
  g_list_store_append (tr_report_get_travellers (report), leader);
  tr_identity_fill_report (identity, report);
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_CONTACT), ==, "李大華");
  g_assert_cmpstr (tr_report_get_text (report, TR_FIELD_PHONE), ==, "02-2345-6789");
  g_assert_cmpuint (g_list_model_get_n_items (travellers), ==, 1);
  g_assert_cmpstr (tr_traveller_get (leader, TR_TRAVELLER_NAME), ==, "李大華");
  g_assert_cmpstr (tr_traveller_get (leader, TR_TRAVELLER_UNIT), ==, "國際合作科");

  tr_identity_fill_review (identity, review);
  g_assert_cmpstr (tr_review_get_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER), ==, "王小明");
  tr_review_set_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER, "李大華");
  tr_identity_fill_review (identity, review);
  g_assert_cmpstr (tr_review_get_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER), ==, "李大華");
  g_assert_cmpstr (tr_review_get_signature (review, TR_REVIEW_SIGNATURE_HEAD), ==, "");
}

static void
test_empty_identity (void)
{
  g_autoptr(TrIdentity) identity = tr_identity_new ();
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrReport) before = tr_report_copy (report);

  g_assert_true (tr_identity_is_empty (identity));
  /* Nothing set: a new draft stays blank, no empty traveller row. */
  tr_identity_fill_report (identity, report);
  g_assert_true (tr_report_content_equal (report, before));
  g_assert_cmpstr (tr_identity_get_author (identity, "login"), ==, "login");
  tr_identity_set_name (identity, "王小明");
  g_assert_cmpstr (tr_identity_get_author (identity, "login"), ==, "王小明");
  g_assert_false (tr_identity_is_empty (identity));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/identity/fill-new-draft", test_fill_new_draft);
  g_test_add_func ("/identity/fill-keeps-what-is-there", test_fill_keeps_what_is_there);
  g_test_add_func ("/identity/empty", test_empty_identity);
  return g_test_run ();
}
