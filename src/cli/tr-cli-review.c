/* tr-cli-review.c: review and comment
 *
 * The module trip-reports-review. Of the core it links the store alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>
#include <string.h>

#include "tr-cli.h"

/* review ------------------------------------------------------------------ */

static const char *
answer_text (TrReviewAnswer answer)
{
  switch (answer)
    {
    case TR_REVIEW_ANSWER_YES:
      return "是";
    case TR_REVIEW_ANSWER_NO:
      return "否";
    case TR_REVIEW_ANSWER_UNSET:
    default:
      return "-";
    }
}

static const char *
answer_key (TrReviewAnswer answer)
{
  return answer == TR_REVIEW_ANSWER_YES ? "yes" : answer == TR_REVIEW_ANSWER_NO ? "no" : "";
}

static void
print_review_as_json (TrReview *review)
{
  static const char * const signature_keys[TR_N_REVIEW_SIGNATURES] = {
    "traveller", "unit_head", "head",
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "status", tr_review_status_to_string (tr_review_get_status (review)));
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, item + 1);
      add_string_member (builder, "text", tr_review_item_get_text (item));
      add_string_member (builder, "self",
                         answer_key (tr_review_get_answer (review, item, TR_REVIEW_COLUMN_SELF)));
      add_string_member (builder, "agency",
                         answer_key (tr_review_get_answer (review, item, TR_REVIEW_COLUMN_AGENCY)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "return_reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; i < TR_N_RETURN_REASONS; i++)
    if (tr_review_get_return_reasons (review) & (1u << i))
      json_builder_add_string_value (builder, tr_return_reason_get_text (1u << i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "publication");
  json_builder_begin_array (builder);
  for (guint i = 0; i < TR_N_PUBLICATIONS; i++)
    if (tr_review_get_publication (review) & (1u << i))
      json_builder_add_string_value (builder, tr_publication_get_text (1u << i));
  json_builder_end_array (builder);
  add_string_member (builder, "publication_other", tr_review_get_publication_other (review));
  add_string_member (builder, "remarks", tr_review_get_remarks (review));
  json_builder_set_member_name (builder, "signatures");
  json_builder_begin_object (builder);
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    add_string_member (builder, signature_keys[i], tr_review_get_signature (review, i));
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  print_json (root);
}

static int
run_review (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_text = NULL;
  g_autoptr(GString) out = NULL;
  TrReviewStatus new_status = TR_REVIEW_STATUS_DRAFT;
  int status;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Move the report to STATUS: draft, submitted, returned or approved"), N_("STATUS") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  if (status_text != NULL && !parse_status (cli, status_text, &new_status, &status))
    return status;
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  if (status_text != NULL)
    {
      if (!tr_report_store_set_status (store, cli->args[0], new_status, &error))
        return fail_on_report (cli->args[0], error);
      return TR_CLI_EXIT_OK;
    }

  report = tr_report_store_load (store, cli->args[0], &error);
  if (report == NULL)
    return fail_on_report (cli->args[0], error);
  review = tr_report_store_load_review (store, cli->args[0], &error);
  if (review == NULL)
    return fail_on_report (cli->args[0], error);
  tr_review_prefill (review, report, NULL);

  if (cli->json)
    {
      print_review_as_json (review);
      return TR_CLI_EXIT_OK;
    }

  out = g_string_new (NULL);
  g_string_append_printf (out, "status\t%s\n", tr_review_status_to_string (tr_review_get_status (review)));
  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    g_string_append_printf (out, "%u\t%s\t%s\t%s\n", item + 1,
                            answer_text (tr_review_get_answer (review, item, TR_REVIEW_COLUMN_SELF)),
                            answer_text (tr_review_get_answer (review, item, TR_REVIEW_COLUMN_AGENCY)),
                            tr_review_item_get_text (item));
  g_print ("%s", out->str);
  return TR_CLI_EXIT_OK;
}

/* comment ----------------------------------------------------------------- */

static int
run_comment (Invocation *cli)
{
  g_autoptr(TrReportStore) store = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(TrComment) comment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *section_key = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *text = NULL;
  g_autofree char *author = NULL;
  const char *section_text;
  const char *found;
  TrSection section = TR_N_SECTIONS;
  glong start;
  int status;
  const GOptionEntry entries[] = {
    { "section", 0, 0, G_OPTION_ARG_STRING, &section_key,
      N_("The section: purpose, process, observations or recommendations"), N_("SECTION") },
    { "quote", 0, 0, G_OPTION_ARG_STRING, &quote, N_("The passage commented on"), N_("QUOTE") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The comment"), N_("TEXT") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Who comments (default: your name)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!cli_parse (cli, entries, &status))
    return status;
  for (guint s = 0; s < TR_N_SECTIONS && section_key != NULL; s++)
    if (g_str_equal (section_key, tr_section_get_key (s)))
      section = s;
  if (section == TR_N_SECTIONS)
    return usage_error (cli->command, _("missing or unknown --section: use purpose, process, "
                                        "observations or recommendations"));
  if (quote == NULL || quote[0] == '\0')
    return usage_error (cli->command, _("missing --quote QUOTE"));
  if (text == NULL || text[0] == '\0')
    return usage_error (cli->command, _("missing --text TEXT"));
  if ((store = cli_open_store (cli)) == NULL)
    return TR_CLI_EXIT_FAILED;

  report = tr_report_store_load (store, cli->args[0], &error);
  if (report == NULL)
    return fail_on_report (cli->args[0], error);
  section_text = tr_report_get_section (report, section);
  found = strstr (section_text, quote);
  if (found == NULL)
    return fail (_("“%s” is not in the section %s"), quote, tr_section_get_heading (section));

  start = g_utf8_pointer_to_offset (section_text, found);
  comment = tr_comment_new (section, start, start + g_utf8_strlen (quote, -1), quote, text,
                            author != NULL ? author : g_get_real_name ());
  if (!tr_report_store_add_comment (store, cli->args[0], comment, &error))
    return fail_on_report (cli->args[0], error);
  g_print ("%" G_GINT64_FORMAT "\n", tr_comment_get_id (comment));
  return TR_CLI_EXIT_OK;
}

/* The program ------------------------------------------------------------- */

static const TrCliRunner runners[] = {
  { "review", run_review },
  { "comment", run_comment },
};

TR_CLI_DEFINE_GROUP_MAIN (runners)
