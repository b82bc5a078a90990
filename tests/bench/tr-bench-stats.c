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
