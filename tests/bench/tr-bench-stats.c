/* tr-bench-stats.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-bench-stats.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

void
tr_bench_sort (GArray *values)
{
  g_array_sort (values, compare_doubles);
}

double
tr_bench_median (GArray *values)
{
  tr_bench_sort (values);
  return g_array_index (values, double, values->len / 2);
}

double
tr_bench_percentile (GArray *sorted,
                     double  p)
{
  guint rank;

  if (sorted->len == 0)
    return 0.0;
  rank = (guint) (p / 100.0 * sorted->len + 0.999999);
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

char *
tr_bench_make_dir (const char *dir,
                   const char *name,
                   gboolean   *out_is_temporary)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = NULL;
  char *made;

  *out_is_temporary = FALSE;
  if (dir != NULL)
    {
      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          g_printerr ("Cannot create %s\n", dir);
          return NULL;
        }
      return g_strdup (dir);
    }

  template = g_strconcat (name, "-XXXXXX", NULL);
  made = g_dir_make_tmp (template, &error);
  if (made == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  *out_is_temporary = TRUE;
  return made;
}
