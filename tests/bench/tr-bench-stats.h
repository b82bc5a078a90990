/* tr-bench-stats.h: the statistics the benchmarks print
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

G_END_DECLS
