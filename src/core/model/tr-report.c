/* tr-report.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-numbering.h"
#include "tr-sha256.h"
#include "tr-text.h"
#include "tr-report.h"
#include "tr-model-enums.h"
#include "tr-core-private.h"

struct _TrReport
{
  GObject parent_instance;

  char *id;
  TrReportKind kind;
  GDateTime *created;
  GDateTime *modified;

  char *texts[TR_N_FIELDS];
  /* The fields that may hold tables keep their text here, not in texts[]. */
  TrBody *bodies[TR_N_FIELDS];
  GListStore *travellers;
  GListStore *photos;
  GStrv keywords;
  GStrv warnings;
  gboolean has_attachments;
  guint pages;

  char *source_filename;
  char *source_sha256;
  /* tr_report_dup_text_fingerprint(), kept with the texts it was made of
   * (each with its NUL): an import asks twice, for the duplicate check and
   * the save, and folding a long report's text costs more than comparing
   * it. */
  char *fingerprint;
  GString *fingerprinted;
  GBytes *source_data;
};

G_DEFINE_FINAL_TYPE (TrReport, tr_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_TRAVELLERS,
  PROP_PHOTOS,
  PROP_KEYWORDS,
  PROP_WARNINGS,
  PROP_HAS_ATTACHMENTS,
  PROP_PAGES,
  PROP_SOURCE_FILENAME,
  PROP_SOURCE_SHA256,
  PROP_FIRST_TEXT,
  N_PROPS = PROP_FIRST_TEXT + TR_N_FIELDS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = {
  [TR_REPORT_KIND_DRAFT]    = "draft",
  [TR_REPORT_KIND_IMPORTED] = "imported",
};

const char *
tr_report_kind_to_string (TrReportKind kind)
{
  g_return_val_if_fail (kind <= TR_REPORT_KIND_IMPORTED, NULL);
  return kind_names[kind];
}

gboolean
tr_report_kind_from_string (const char   *string,
                            TrReportKind *out_kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (string, kind_names[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
tr_report_dispose (GObject *object)
{
  TrReport *self = TR_REPORT (object);

  for (guint i = 0; i < TR_N_FIELDS; i++)
    if (self->bodies[i] != NULL)
      {
        g_signal_handlers_disconnect_by_data (self->bodies[i], self);
        g_clear_object (&self->bodies[i]);
      }

  G_OBJECT_CLASS (tr_report_parent_class)->dispose (object);
}

static void
tr_report_finalize (GObject *object)
{
  TrReport *self = TR_REPORT (object);

  g_free (self->id);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  for (guint i = 0; i < TR_N_FIELDS; i++)
    g_free (self->texts[i]);
  g_clear_object (&self->travellers);
  g_clear_object (&self->photos);
  g_strfreev (self->keywords);
  g_strfreev (self->warnings);
  g_free (self->source_filename);
  g_free (self->source_sha256);
  g_free (self->fingerprint);
  if (self->fingerprinted != NULL)
    g_string_free (self->fingerprinted, TRUE);
  g_clear_pointer (&self->source_data, g_bytes_unref);

  G_OBJECT_CLASS (tr_report_parent_class)->finalize (object);
}

static void
tr_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TrReport *self = TR_REPORT (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
    {
      g_value_set_string (value, tr_report_get_text (self, prop_id - PROP_FIRST_TEXT));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    case PROP_TRAVELLERS:
      g_value_set_object (value, self->travellers);
      break;
    case PROP_PHOTOS:
      g_value_set_object (value, self->photos);
      break;
    case PROP_KEYWORDS:
      g_value_set_boxed (value, self->keywords);
      break;
    case PROP_WARNINGS:
      g_value_set_boxed (value, self->warnings);
      break;
    case PROP_HAS_ATTACHMENTS:
      g_value_set_boolean (value, self->has_attachments);
      break;
    case PROP_PAGES:
      g_value_set_uint (value, self->pages);
      break;
    case PROP_SOURCE_FILENAME:
      g_value_set_string (value, self->source_filename);
      break;
    case PROP_SOURCE_SHA256:
      g_value_set_string (value, self->source_sha256);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TrReport *self = TR_REPORT (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id < N_PROPS)
    {
      tr_report_set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_CREATED:
      self->created = g_value_dup_boxed (value);
      break;
    case PROP_MODIFIED:
      tr_report_set_modified (self, g_value_get_boxed (value));
      break;
    case PROP_KEYWORDS:
      tr_report_set_keywords (self, g_value_get_boxed (value));
      break;
    case PROP_WARNINGS:
      tr_report_set_warnings (self, g_value_get_boxed (value));
      break;
    case PROP_HAS_ATTACHMENTS:
      tr_report_set_has_attachments (self, g_value_get_boolean (value));
      break;
    case PROP_PAGES:
      tr_report_set_pages (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_report_constructed (GObject *object)
{
  TrReport *self = TR_REPORT (object);

  G_OBJECT_CLASS (tr_report_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
  if (self->created == NULL)
    self->created = g_date_time_new_now_utc ();
  if (self->modified == NULL)
    self->modified = g_date_time_ref (self->created);
}

static void
tr_report_class_init (TrReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tr_report_dispose;
  object_class->finalize = tr_report_finalize;
  object_class->get_property = tr_report_get_property;
  object_class->set_property = tr_report_set_property;
  object_class->constructed = tr_report_constructed;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TR_TYPE_REPORT_KIND, TR_REPORT_KIND_DRAFT, construct);
  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, construct);
  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME, rw | G_PARAM_CONSTRUCT);
  properties[PROP_TRAVELLERS] =
    g_param_spec_object ("travellers", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHOTOS] =
    g_param_spec_object ("photos", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEYWORDS] =
    g_param_spec_boxed ("keywords", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_WARNINGS] =
    g_param_spec_boxed ("warnings", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_HAS_ATTACHMENTS] =
    g_param_spec_boolean ("has-attachments", NULL, NULL, FALSE, rw);
  properties[PROP_PAGES] =
    g_param_spec_uint ("pages", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties[PROP_SOURCE_FILENAME] =
    g_param_spec_string ("source-filename", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_SHA256] =
    g_param_spec_string ("source-sha256", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Each text field is a property named by its key, as GObject spells
   * names ("period-start"). */
  for (guint i = 0; i < TR_N_FIELDS; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (tr_field_get_key (i)), "_", '-');

      properties[PROP_FIRST_TEXT + i] =
        g_param_spec_string (g_intern_string (name), NULL, NULL, "", rw);
    }

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* A body's text changed, or one of its tables: the field's text did. */
static void
body_changed (TrBody   *body,
              TrReport *self)
{
  for (guint i = 0; i < TR_N_FIELDS; i++)
    if (self->bodies[i] == body)
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + i]);
}

static void
tr_report_init (TrReport *self)
{
  for (guint i = 0; i < TR_N_FIELDS; i++)
    if (tr_field_holds_tables (i))
      {
        self->bodies[i] = tr_body_new ();
        g_signal_connect (self->bodies[i], "changed", G_CALLBACK (body_changed), self);
      }
  self->travellers = g_list_store_new (TR_TYPE_TRAVELLER);
  self->photos = g_list_store_new (TR_TYPE_PHOTO);
  self->keywords = g_new0 (char *, 1);
  self->warnings = g_new0 (char *, 1);
}

TrReport *
tr_report_new (TrReportKind kind)
{
  return g_object_new (TR_TYPE_REPORT, "kind", kind, NULL);
}

TrReport *
tr_report_new_full (const char   *id,
                    TrReportKind  kind,
                    GDateTime    *created,
                    GDateTime    *modified)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (TR_TYPE_REPORT,
                       "id", id,
                       "kind", kind,
                       "created", created,
                       "modified", modified,
                       NULL);
}

static gboolean replace_strv (GStrv *strv, const char * const *new_strv);

static void
append_traveller_copies (GListStore *to,
                         GListModel *from)
{
  for (guint i = 0; i < g_list_model_get_n_items (from); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (from, i);
      g_autoptr(TrTraveller) copy = tr_traveller_copy (traveller);

      g_list_store_append (to, copy);
    }
}

TrReport *
tr_report_copy (TrReport *self)
{
  TrReport *copy;

  g_return_val_if_fail (TR_IS_REPORT (self), NULL);

  copy = tr_report_new_full (self->id, self->kind, self->created, self->modified);
  for (guint i = 0; i < TR_N_FIELDS; i++)
    {
      copy->texts[i] = g_strdup (self->texts[i]);
      if (self->bodies[i] != NULL)
        tr_body_replace (copy->bodies[i], self->bodies[i]);
    }
  if (self->fingerprinted != NULL)
    {
      copy->fingerprint = g_strdup (self->fingerprint);
      copy->fingerprinted = g_string_new_len (self->fingerprinted->str, self->fingerprinted->len);
    }
  append_traveller_copies (copy->travellers, G_LIST_MODEL (self->travellers));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->photos)); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (self->photos), i);
      g_autoptr(TrPhoto) photo_copy = tr_photo_copy (photo);

      g_list_store_append (copy->photos, photo_copy);
    }
  replace_strv (&copy->keywords, (const char * const *) self->keywords);
  replace_strv (&copy->warnings, (const char * const *) self->warnings);
  copy->has_attachments = self->has_attachments;
  copy->pages = self->pages;
  copy->source_filename = g_strdup (self->source_filename);
  copy->source_sha256 = g_strdup (self->source_sha256);
  copy->source_data = self->source_data != NULL ? g_bytes_ref (self->source_data) : NULL;
  return copy;
}

/* The lines of @text numbered 一、 or （一）: the outline of a section. */
static char *
dup_outline (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) outline = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      TrNumberingLevel level;

      while (g_unichar_isspace (g_utf8_get_char (line)) || g_utf8_get_char (line) == 0x3000)
        line = g_utf8_next_char (line);
      level = tr_numbering_get_level (line, NULL);
      if (level != TR_NUMBERING_CHINESE && level != TR_NUMBERING_PARENTHESIZED_CHINESE)
        continue;
      if (outline->len > 0)
        g_string_append_c (outline, '\n');
      g_string_append (outline, lines[i]);
    }
  return g_string_free (g_steal_pointer (&outline), FALSE);
}

TrReport *
tr_report_new_from (TrReport *self,
                    gboolean  with_text)
{
  static const TrField not_carried[] = {
    TR_FIELD_PERIOD_START, TR_FIELD_PERIOD_END, TR_FIELD_REPORT_DATE,
  };
  g_autoptr(TrReport) copy = NULL;
  TrReport *report;

  g_return_val_if_fail (TR_IS_REPORT (self), NULL);

  copy = tr_report_duplicate (self);
  report = tr_report_new (TR_REPORT_KIND_DRAFT);
  for (guint i = 0; i < TR_N_FIELDS; i++)
    {
      if (!tr_field_is_form_field (i) && !with_text)
        {
          g_autofree char *outline = NULL;

          if (i < TR_FIELD_PURPOSE || i > TR_FIELD_RECOMMENDATIONS)
            continue;
          outline = dup_outline (tr_report_get_text (self, i));
          tr_report_set_text (report, i, outline);
          continue;
        }
      if (report->bodies[i] != NULL)
        tr_body_replace (report->bodies[i], copy->bodies[i]);
      else
        {
          g_free (report->texts[i]);
          report->texts[i] = g_strdup (copy->texts[i]);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_carried); i++)
    {
      g_free (report->texts[not_carried[i]]);
      report->texts[not_carried[i]] = g_strdup ("");
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (copy->travellers)); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (G_LIST_MODEL (copy->travellers), i);

      g_list_store_append (report->travellers, traveller);
    }
  replace_strv (&report->keywords, (const char * const *) copy->keywords);
  report->has_attachments = with_text && copy->has_attachments;
  if (with_text)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (copy->photos)); i++)
      {
        g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (copy->photos), i);

        g_list_store_append (report->photos, photo);
      }
  return report;
}

TrReport *
tr_report_duplicate (TrReport *self)
{
  g_autoptr(TrReport) copy = NULL;
  TrReport *report;

  g_return_val_if_fail (TR_IS_REPORT (self), NULL);

  copy = tr_report_copy (self);
  report = tr_report_new (TR_REPORT_KIND_DRAFT);
  for (guint i = 0; i < TR_N_FIELDS; i++)
    {
      if (report->bodies[i] != NULL)
        tr_body_replace (report->bodies[i], copy->bodies[i]);
      else
        {
          g_free (report->texts[i]);
          report->texts[i] = g_strdup (copy->texts[i]);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (copy->travellers)); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (G_LIST_MODEL (copy->travellers), i);

      g_list_store_append (report->travellers, traveller);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (copy->photos)); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (copy->photos), i);

      g_list_store_append (report->photos, photo);
    }
  replace_strv (&report->keywords, (const char * const *) copy->keywords);
  report->has_attachments = copy->has_attachments;
  report->pages = copy->pages;
  return report;
}

void
tr_report_set_form_from (TrReport *self,
                         TrReport *source)
{
  g_return_if_fail (TR_IS_REPORT (self));
  g_return_if_fail (TR_IS_REPORT (source));

  for (TrField f = 0; f < TR_N_FIELDS; f++)
    if (tr_field_is_form_field (f))
      tr_report_set_text (self, f, tr_report_get_text (source, f));
  tr_report_set_keywords (self, tr_report_get_keywords (source));
  tr_report_set_has_attachments (self, tr_report_get_has_attachments (source));

  g_list_store_remove_all (self->travellers);
  append_traveller_copies (self->travellers, G_LIST_MODEL (source->travellers));
}

const char *
tr_report_get_id (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return self->id;
}

TrReportKind
tr_report_get_kind (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), TR_REPORT_KIND_DRAFT);
  return self->kind;
}

GDateTime *
tr_report_get_created (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return self->created;
}

GDateTime *
tr_report_get_modified (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return self->modified;
}

void
tr_report_set_modified (TrReport  *self,
                        GDateTime *modified)
{
  g_return_if_fail (TR_IS_REPORT (self));

  if (modified == NULL || (self->modified != NULL && g_date_time_equal (modified, self->modified)))
    return;

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_ref (modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

const char *
tr_report_get_text (TrReport *self,
                    TrField   field)
{
  g_return_val_if_fail (TR_IS_REPORT (self), "");
  g_return_val_if_fail (field < TR_N_FIELDS, "");

  if (self->bodies[field] != NULL)
    return tr_body_get_plain_text (self->bodies[field]);
  return self->texts[field] != NULL ? self->texts[field] : "";
}

void
tr_report_set_text (TrReport   *self,
                    TrField     field,
                    const char *text)
{
  g_return_if_fail (TR_IS_REPORT (self));
  g_return_if_fail (field < TR_N_FIELDS);

  /* Notifies through body_changed(). */
  if (self->bodies[field] != NULL)
    {
      tr_body_set_text (self->bodies[field], text);
      return;
    }
  if (text != NULL && text[0] == '\0')
    text = NULL;
  if (tr_set_str (&self->texts[field], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_TEXT + field]);
}

const char *
tr_report_get_section (TrReport  *self,
                       TrSection  section)
{
  g_return_val_if_fail (section < TR_N_SECTIONS, "");
  return tr_report_get_text (self, TR_FIELD_FROM_SECTION (section));
}

void
tr_report_set_section (TrReport   *self,
                       TrSection   section,
                       const char *text)
{
  g_return_if_fail (section < TR_N_SECTIONS);
  tr_report_set_text (self, TR_FIELD_FROM_SECTION (section), text);
}

TrBody *
tr_report_get_body (TrReport *self,
                    TrField   field)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  g_return_val_if_fail (field < TR_N_FIELDS, NULL);
  g_return_val_if_fail (tr_field_holds_tables (field), NULL);

  return self->bodies[field];
}

guint
tr_report_get_table_number (TrReport *self,
                            TrField   field,
                            guint     index)
{
  guint number = 0;

  g_return_val_if_fail (TR_IS_REPORT (self), 0);
  g_return_val_if_fail (field < TR_N_FIELDS && tr_field_holds_tables (field), 0);
  g_return_val_if_fail (index < tr_body_get_n_tables (self->bodies[field]), 0);

  if (tr_table_get_caption (tr_body_get_table (self->bodies[field], index))[0] == '\0')
    return 0;
  /* The fields in their order in the report are the enum's. */
  for (guint f = 0; f <= field; f++)
    {
      guint n_tables;

      if (self->bodies[f] == NULL)
        continue;
      n_tables = f < field ? tr_body_get_n_tables (self->bodies[f]) : index + 1;
      for (guint i = 0; i < n_tables; i++)
        if (tr_table_get_caption (tr_body_get_table (self->bodies[f], i))[0] != '\0')
          number++;
    }
  return number;
}

GListStore *
tr_report_get_travellers (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return self->travellers;
}

GListStore *
tr_report_get_photos (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return self->photos;
}

void
tr_report_move_photo (TrReport *self,
                      guint     from,
                      guint     to)
{
  g_autoptr(TrPhoto) photo = NULL;
  guint n_photos;

  g_return_if_fail (TR_IS_REPORT (self));

  n_photos = g_list_model_get_n_items (G_LIST_MODEL (self->photos));
  g_return_if_fail (from < n_photos && to < n_photos);
  if (from == to)
    return;

  photo = g_list_model_get_item (G_LIST_MODEL (self->photos), from);
  g_list_store_remove (self->photos, from);
  g_list_store_insert (self->photos, to, photo);
}

static gboolean
replace_strv (GStrv              *strv,
              const char * const *new_strv)
{
  static const char * const empty[] = { NULL };

  if (new_strv == NULL)
    new_strv = empty;
  if (g_strv_equal ((const char * const *) *strv, new_strv))
    return FALSE;

  g_strfreev (*strv);
  *strv = g_strdupv ((char **) new_strv);
  return TRUE;
}

const char * const *
tr_report_get_keywords (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return (const char * const *) self->keywords;
}

void
tr_report_set_keywords (TrReport           *self,
                        const char * const *keywords)
{
  g_return_if_fail (TR_IS_REPORT (self));

  if (replace_strv (&self->keywords, keywords))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEYWORDS]);
}

const char * const *
tr_report_get_warnings (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return (const char * const *) self->warnings;
}

void
tr_report_set_warnings (TrReport           *self,
                        const char * const *warnings)
{
  g_return_if_fail (TR_IS_REPORT (self));

  if (replace_strv (&self->warnings, warnings))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNINGS]);
}

void
tr_report_add_warning (TrReport   *self,
                       const char *warning)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) warnings = NULL;

  g_return_if_fail (TR_IS_REPORT (self));
  g_return_if_fail (warning != NULL);

  g_strv_builder_addv (builder, (const char **) self->warnings);
  g_strv_builder_add (builder, warning);
  warnings = g_strv_builder_end (builder);
  tr_report_set_warnings (self, (const char * const *) warnings);
}

gboolean
tr_report_get_has_attachments (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), FALSE);
  return self->has_attachments;
}

void
tr_report_set_has_attachments (TrReport *self,
                               gboolean  has_attachments)
{
  g_return_if_fail (TR_IS_REPORT (self));

  has_attachments = !!has_attachments;
  if (self->has_attachments == has_attachments)
    return;
  self->has_attachments = has_attachments;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ATTACHMENTS]);
}

guint
tr_report_get_pages (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), 0);
  return self->pages;
}

void
tr_report_set_pages (TrReport *self,
                     guint     pages)
{
  g_return_if_fail (TR_IS_REPORT (self));

  if (self->pages == pages)
    return;
  self->pages = pages;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGES]);
}

const char *
tr_report_get_source_filename (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return self->source_filename;
}

const char *
tr_report_get_source_sha256 (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return self->source_sha256;
}

GBytes *
tr_report_get_source_data (TrReport *self)
{
  g_return_val_if_fail (TR_IS_REPORT (self), NULL);
  return self->source_data;
}

void
tr_report_set_source_info (TrReport   *self,
                           const char *filename,
                           const char *sha256)
{
  g_return_if_fail (TR_IS_REPORT (self));

  if (tr_set_str (&self->source_filename, filename))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_FILENAME]);
  if (tr_set_str (&self->source_sha256, sha256))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_SHA256]);
}

char *
tr_report_dup_text_fingerprint (TrReport *self)
{
  const char *texts[TR_FIELD_UNCLASSIFIED - TR_FIELD_SUMMARY + 1];
  GString *joined;

  g_return_val_if_fail (TR_IS_REPORT (self), NULL);

  joined = g_string_new (NULL);
  for (TrField f = TR_FIELD_SUMMARY; f <= TR_FIELD_UNCLASSIFIED; f++)
    {
      texts[f - TR_FIELD_SUMMARY] = tr_report_get_text (self, f);
      g_string_append_len (joined, texts[f - TR_FIELD_SUMMARY], strlen (texts[f - TR_FIELD_SUMMARY]) + 1);
    }
  if (self->fingerprinted != NULL && g_string_equal (joined, self->fingerprinted))
    {
      g_string_free (joined, TRUE);
      return g_strdup (self->fingerprint);
    }
  g_free (self->fingerprint);
  self->fingerprint = tr_text_fingerprint (texts, G_N_ELEMENTS (texts));
  if (self->fingerprinted != NULL)
    g_string_free (self->fingerprinted, TRUE);
  self->fingerprinted = joined;
  return g_strdup (self->fingerprint);
}

void
tr_report_set_source (TrReport   *self,
                      const char *filename,
                      GBytes     *data)
{
  g_autofree char *sha256 = NULL;

  g_return_if_fail (TR_IS_REPORT (self));

  if (data != NULL)
    sha256 = tr_sha256_for_bytes (data);
  tr_report_set_source_full (self, filename, data, sha256);
}

void
tr_report_set_source_full (TrReport   *self,
                           const char *filename,
                           GBytes     *data,
                           const char *sha256)
{
  g_return_if_fail (TR_IS_REPORT (self));
  g_return_if_fail ((data == NULL) == (sha256 == NULL));

  g_clear_pointer (&self->source_data, g_bytes_unref);
  if (data != NULL)
    self->source_data = g_bytes_ref (data);
  tr_report_set_source_info (self, filename, sha256);
}

gboolean
tr_report_content_equal (TrReport *a,
                         TrReport *b)
{
  guint n_travellers;
  guint n_photos;

  g_return_val_if_fail (TR_IS_REPORT (a), FALSE);
  g_return_val_if_fail (TR_IS_REPORT (b), FALSE);

  if (g_strcmp0 (a->id, b->id) != 0 || a->kind != b->kind)
    return FALSE;
  for (guint i = 0; i < TR_N_FIELDS; i++)
    if (a->bodies[i] != NULL ? !tr_body_equal (a->bodies[i], b->bodies[i])
                             : g_strcmp0 (tr_report_get_text (a, i), tr_report_get_text (b, i)) != 0)
      return FALSE;
  if (!g_strv_equal ((const char * const *) a->keywords, (const char * const *) b->keywords) ||
      !g_strv_equal ((const char * const *) a->warnings, (const char * const *) b->warnings) ||
      a->has_attachments != b->has_attachments ||
      a->pages != b->pages ||
      g_strcmp0 (a->source_filename, b->source_filename) != 0 ||
      g_strcmp0 (a->source_sha256, b->source_sha256) != 0)
    return FALSE;

  n_photos = g_list_model_get_n_items (G_LIST_MODEL (a->photos));
  if (n_photos != g_list_model_get_n_items (G_LIST_MODEL (b->photos)))
    return FALSE;
  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(TrPhoto) pa = g_list_model_get_item (G_LIST_MODEL (a->photos), i);
      g_autoptr(TrPhoto) pb = g_list_model_get_item (G_LIST_MODEL (b->photos), i);

      if (!tr_photo_equal (pa, pb))
        return FALSE;
    }

  n_travellers = g_list_model_get_n_items (G_LIST_MODEL (a->travellers));
  if (n_travellers != g_list_model_get_n_items (G_LIST_MODEL (b->travellers)))
    return FALSE;
  for (guint i = 0; i < n_travellers; i++)
    {
      g_autoptr(TrTraveller) ta = g_list_model_get_item (G_LIST_MODEL (a->travellers), i);
      g_autoptr(TrTraveller) tb = g_list_model_get_item (G_LIST_MODEL (b->travellers), i);

      if (!tr_traveller_equal (ta, tb))
        return FALSE;
    }
  return TRUE;
}
