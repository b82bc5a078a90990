/* test-tune-memory.c: the window keeps the memory of a frame's paint
 * buffer for the next frame
 *
 * After tr_application_tune_memory(), as main() calls it, a buffer of
 * megabytes freed and asked for again is the same memory, already in the
 * process: painting it again costs no page faults. Without it, glibc maps
 * the first such buffer from the kernel, gives it back when freed, and
 * asks the kernel again for the next: a fault for each of its pages again.
 * Built without the sanitizers, whose allocator is not glibc's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <sys/resource.h>
#include <glib.h>

#include "tr-application.h"

/* A 1200 × 760 window's buffer, 4 bytes a pixel. */
#define BUFFER_BYTES (1200 * 760 * 4)

static long
minor_faults (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_minflt;
}

/* Page faults to take a buffer, paint it whole and free it. */
static long
paint_a_frame (void)
{
  long before = minor_faults ();
  guint8 *buffer = g_malloc (BUFFER_BYTES);

  memset (buffer, 0x5a, BUFFER_BYTES);
  g_free (buffer);
  return minor_faults () - before;
}

static void
test_second_frame_faults_no_pages (void)
{
  long pages = BUFFER_BYTES / 4096;
  long first, second;

  tr_application_tune_memory ();
  first = paint_a_frame ();
  second = paint_a_frame ();
  g_test_message ("Faults for a buffer of %ld pages: %ld for the first frame, %ld for the second",
                  pages, first, second);
  /* The first may come from memory the process has already. */
  g_assert_cmpint (first, <=, pages + pages / 10);
  g_assert_cmpint (second, <, pages / 20);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tune-memory/second-frame-faults-no-pages", test_second_frame_faults_no_pages);
  return g_test_run ();
}
