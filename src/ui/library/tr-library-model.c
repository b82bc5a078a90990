/* tr-library-model.c
 *
 * Holds TrReportInfo rows only: a title, dates and a destination per
 * report, never their text, so even a library of 100,000 reports is a few
 * megabytes here. Filters by kind and year apply in memory; a query goes
 * to the store's full-text index.
 *
 * The first reading of a big library shows its newest reports as soon as
 * they are read, then the rest: the list is there at once, and the
 * scrollbar grows a moment later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-library-model.h"

/* Enough hits for any reading, and no more than the store ranks quickly
 * (see tr_report_store_search()). */
#define SEARCH_LIMIT 200

/* Reports shown ahead of the rest on the first reading: a screenful on
 * any screen, no more, since GTK lays out every row it is given (up to
 * 200 in GTK 4.8) before the list shows. */
#define FIRST_ROWS 64

struct _TrLibraryModel
{
  GObject parent_instance;

  TrReportStore *store;
  GPtrArray *all;        /* every report, newest change first */
  GPtrArray *visible;    /* what the list shows: @all itself when nothing is filtered out */
  GArray *years;         /* those of @all, newest first */
  char *query;
  int kind;
  int status;
  guint year;
  gboolean loaded;
  /* Bumped by every reload, and by every query: the results of older ones
   * are dropped. */
  guint reload_generation;
  guint search_generation;
};

static void tr_library_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrLibraryModel, tr_library_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tr_library_model_list_model_init))

enum {
  PROP_0,
  PROP_QUERY,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
info_year (TrReportInfo *info)
{
  const char *start = tr_report_info_get_period_start (info);

  if (strlen (start) >= 4)
    return (guint) g_ascii_strtoull (start, NULL, 10);
  return (guint) g_date_time_get_year (tr_report_info_get_modified (info));
}

static gboolean
passes_filters (TrLibraryModel *self,
                TrReportInfo   *info)
{
  if (self->kind != TR_LIBRARY_ALL_KINDS && (int) tr_report_info_get_kind (info) != self->kind)
    return FALSE;
  if (self->year != TR_LIBRARY_ALL_YEARS && info_year (info) != self->year)
    return FALSE;
  if (self->status != TR_LIBRARY_ALL_STATUSES && (int) tr_report_info_get_status (info) != self->status)
    return FALSE;
  return TRUE;
}

static gboolean
keeps_all (TrLibraryModel *self)
{
  return self->kind == TR_LIBRARY_ALL_KINDS && self->year == TR_LIBRARY_ALL_YEARS &&
         self->status == TR_LIBRARY_ALL_STATUSES;
}

/* Neither array is changed once made: the list shows a new one. */
static void
refilter (TrLibraryModel *self,
          GPtrArray      *source)
{
  g_autoptr(GPtrArray) old = self->visible;
  guint same = 0;

  if (keeps_all (self))
    self->visible = g_ptr_array_ref (source);
  else
    {
      self->visible = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < source->len; i++)
        if (passes_filters (self, g_ptr_array_index (source, i)))
          g_ptr_array_add (self->visible, g_object_ref (g_ptr_array_index (source, i)));
    }

  /* The rows shown ahead of the rest stay as they are. */
  while (same < old->len && same < self->visible->len &&
         g_ptr_array_index (old, same) == g_ptr_array_index (self->visible, same))
    same++;
  g_list_model_items_changed (G_LIST_MODEL (self), same, old->len - same, self->visible->len - same);
}

static int
compare_years_descending (gconstpointer a,
                          gconstpointer b)
{
  guint year_a = *(const guint *) a, year_b = *(const guint *) b;

  return (year_a < year_b) - (year_a > year_b);
}

static GArray *
collect_years (GPtrArray *infos)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < infos->len; i++)
    {
      guint year = info_year (g_ptr_array_index (infos, i));

      if (year != 0 && g_hash_table_add (seen, GUINT_TO_POINTER (year)))
        g_array_append_val (years, year);
    }
  g_array_sort (years, compare_years_descending);
  return years;
}

typedef struct {
  guint generation;
  char *query;       /* NULL: read the whole library */
  gboolean first;    /* the library's first reading: its first rows shown ahead */
  GArray *years;     /* those of the library read */
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_free (data->query);
  g_clear_pointer (&data->years, g_array_unref);
  g_free (data);
}

typedef struct {
  GTask *task;
  GPtrArray *infos;
} Reading;

typedef struct {
  TrLibraryModel *model;
  guint generation;
  GPtrArray *infos;
} FirstRows;

static void
first_rows_free (FirstRows *first)
{
  g_object_unref (first->model);
  g_ptr_array_unref (first->infos);
  g_free (first);
}

/* In the main thread. */
static gboolean
show_first_rows (gpointer user_data)
{
  FirstRows *first = user_data;
  TrLibraryModel *self = first->model;

  if (first->generation == self->reload_generation && !self->loaded && self->query[0] == '\0')
    {
      g_ptr_array_unref (self->all);
      self->all = g_ptr_array_ref (first->infos);
      refilter (self, self->all);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
add_read (TrReportInfo  *info,
          gpointer       user_data,
          GError       **error)
{
  Reading *reading = user_data;
  ReadData *data = g_task_get_task_data (reading->task);

  g_ptr_array_add (reading->infos, g_object_ref (info));
  if (data->first && reading->infos->len == FIRST_ROWS)
    {
      /* Not g_main_context_invoke(), which may run it here, in this thread. */
      g_autoptr(GSource) source = g_idle_source_new ();
      FirstRows *first = g_new0 (FirstRows, 1);

      first->model = g_object_ref (g_task_get_source_object (reading->task));
      first->generation = data->generation;
      first->infos = g_ptr_array_new_full (FIRST_ROWS, g_object_unref);
      for (guint i = 0; i < reading->infos->len; i++)
        g_ptr_array_add (first->infos, g_object_ref (g_ptr_array_index (reading->infos, i)));
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, show_first_rows, first, (GDestroyNotify) first_rows_free);
      g_source_set_name (source, "[trip-reports] first rows of the library");
      g_source_attach (source, g_task_get_context (reading->task));
    }
  return TRUE;
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TrLibraryModel *self = source;
  ReadData *data = task_data;
  GError *error = NULL;
  GPtrArray *infos = NULL;

  if (data->query != NULL)
    infos = tr_report_store_search (self->store, data->query, SEARCH_LIMIT, &error);
  else
    {
      Reading reading = { task, g_ptr_array_new_with_free_func (g_object_unref) };

      if (tr_report_store_foreach (self->store, add_read, &reading, &error))
        {
          infos = reading.infos;
          data->years = collect_years (infos);
        }
      else
        g_ptr_array_unref (reading.infos);
    }

  if (infos == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, infos, (GDestroyNotify) g_ptr_array_unref);
}

static void
search_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TrLibraryModel *self = TR_LIBRARY_MODEL (source);
  ReadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = g_task_propagate_pointer (G_TASK (result), &error);
  if (data->generation != self->search_generation)
    return;
  if (hits == NULL)
    {
      g_warning ("%s", error->message);
      hits = g_ptr_array_new ();
    }
  refilter (self, hits);
}

/* Searching goes to a worker thread: the index answers in tens of
 * milliseconds, which the search entry must not feel. */
static void
update (TrLibraryModel *self)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  self->search_generation++;
  if (self->query[0] == '\0')
    {
      refilter (self, self->all);
      return;
    }

  data = g_new0 (ReadData, 1);
  data->generation = self->search_generation;
  data->query = g_strdup (self->query);
  task = g_task_new (self, NULL, search_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_in_thread);
}

static GType
tr_library_model_get_item_type (GListModel *model)
{
  return TR_TYPE_REPORT_INFO;
}

static guint
tr_library_model_get_n_items (GListModel *model)
{
  return TR_LIBRARY_MODEL (model)->visible->len;
}

static gpointer
tr_library_model_get_item (GListModel *model,
                           guint       position)
{
  TrLibraryModel *self = TR_LIBRARY_MODEL (model);

  if (position >= self->visible->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->visible, position));
}

static void
tr_library_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tr_library_model_get_item_type;
  iface->get_n_items = tr_library_model_get_n_items;
  iface->get_item = tr_library_model_get_item;
}

static void
tr_library_model_finalize (GObject *object)
{
  TrLibraryModel *self = TR_LIBRARY_MODEL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->all, g_ptr_array_unref);
  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_free (self->query);

  G_OBJECT_CLASS (tr_library_model_parent_class)->finalize (object);
}

static void
tr_library_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrLibraryModel *self = TR_LIBRARY_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->all->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_library_model_class_init (TrLibraryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tr_library_model_finalize;
  object_class->get_property = tr_library_model_get_property;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_library_model_init (TrLibraryModel *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->visible = g_ptr_array_ref (self->all);
  self->years = g_array_new (FALSE, FALSE, sizeof (guint));
  self->query = g_strdup ("");
  self->kind = TR_LIBRARY_ALL_KINDS;
  self->status = TR_LIBRARY_ALL_STATUSES;
}

TrLibraryModel *
tr_library_model_new (TrReportStore *store)
{
  TrLibraryModel *self;

  g_return_val_if_fail (TR_IS_REPORT_STORE (store), NULL);

  self = g_object_new (TR_TYPE_LIBRARY_MODEL, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* @years: those of @all, or NULL to collect them here. */
static void
set_all (TrLibraryModel *self,
         GPtrArray      *all,
         GArray         *years)
{
  /* What showed ahead of the reading was no total. */
  guint old_total = self->loaded ? self->all->len : 0;

  g_ptr_array_unref (self->all);
  self->all = g_ptr_array_ref (all);
  g_array_unref (self->years);
  self->years = years != NULL ? g_array_ref (years) : collect_years (all);
  self->loaded = TRUE;
  update (self);
  if (old_total != all->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

gboolean
tr_library_model_reload (TrLibraryModel  *self,
                         GError         **error)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (TR_IS_LIBRARY_MODEL (self), FALSE);

  all = tr_report_store_list (self->store, error);
  if (all == NULL)
    return FALSE;
  set_all (self, all, NULL);
  return TRUE;
}

void
tr_library_model_reload_async (TrLibraryModel      *self,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  g_return_if_fail (TR_IS_LIBRARY_MODEL (self));

  data = g_new0 (ReadData, 1);
  data->generation = ++self->reload_generation;
  data->first = !self->loaded && self->all->len == 0;
  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, tr_library_model_reload_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_in_thread);
}

gboolean
tr_library_model_reload_finish (TrLibraryModel  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  ReadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  all = g_task_propagate_pointer (G_TASK (result), error);
  if (all == NULL)
    return FALSE;
  /* When a newer reload is on its way, this one's rows may be stale. */
  if (data->generation == self->reload_generation)
    set_all (self, all, data->years);
  return TRUE;
}

gboolean
tr_library_model_is_loaded (TrLibraryModel *self)
{
  g_return_val_if_fail (TR_IS_LIBRARY_MODEL (self), FALSE);
  return self->loaded;
}

void
tr_library_model_set_query (TrLibraryModel *self,
                            const char     *query)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query != NULL ? query : ""));

  g_return_if_fail (TR_IS_LIBRARY_MODEL (self));

  if (g_str_equal (stripped, self->query))
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&stripped);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

const char *
tr_library_model_get_query (TrLibraryModel *self)
{
  g_return_val_if_fail (TR_IS_LIBRARY_MODEL (self), NULL);
  return self->query;
}

void
tr_library_model_set_kind (TrLibraryModel *self,
                           int             kind)
{
  g_return_if_fail (TR_IS_LIBRARY_MODEL (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  update (self);
}

void
tr_library_model_set_status (TrLibraryModel *self,
                             int             status)
{
  g_return_if_fail (TR_IS_LIBRARY_MODEL (self));

  if (self->status == status)
    return;
  self->status = status;
  update (self);
}

void
tr_library_model_set_year (TrLibraryModel *self,
                           guint           year)
{
  g_return_if_fail (TR_IS_LIBRARY_MODEL (self));

  if (self->year == year)
    return;
  self->year = year;
  update (self);
}

GArray *
tr_library_model_get_years (TrLibraryModel *self)
{
  g_return_val_if_fail (TR_IS_LIBRARY_MODEL (self), g_array_new (FALSE, FALSE, sizeof (guint)));

  return g_array_copy (self->years);
}

guint
tr_library_model_get_total (TrLibraryModel *self)
{
  g_return_val_if_fail (TR_IS_LIBRARY_MODEL (self), 0);
  return self->all->len;
}

guint
tr_library_model_find (TrLibraryModel *self,
                       const char     *id)
{
  g_return_val_if_fail (TR_IS_LIBRARY_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->visible->len; i++)
    if (g_strcmp0 (tr_report_info_get_id (g_ptr_array_index (self->visible, i)), id) == 0)
      return i;
  return G_MAXUINT;
}
