/* tr-bench-stats.h: the statistics the benchmarks print, and their folder
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sorts an array of doubles in place, smallest first. */
void   tr_bench_sort       (GArray *values);
/* The middle value (the upper one of an even count); sorts @values. */
double tr_bench_median     (GArray *values);
/* The nearest-rank percentile @p (0–100) of sorted @values; 0 when empty. */
double tr_bench_percentile (GArray *sorted,
                            double  p);

/* The folder a benchmark works in: @dir (--dir), made if missing, or a new
 * temporary folder named after @name, which *@out_is_temporary says to
 * remove at the end. NULL, having said why on standard error, when it
 * cannot be made. */
char  *tr_bench_make_dir   (const char *dir,
                            const char *name,
                            gboolean   *out_is_temporary);

G_END_DECLS
