/* tr-test-files.h: what the tests that must never lose a file share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Makes @path, a file a test just wrote, readable by all and owned by @uid
 * when the test runs as root, and returns what it holds, to check later
 * that nothing changed it. */
void tr_test_keep_file             (const char  *path,
                                    uid_t        uid,
                                    char       **out_contents,
                                    gsize       *out_length);
/* @path still holds @contents. */
void tr_test_assert_file_unchanged (const char  *path,
                                    const char  *contents,
                                    gsize        length);
/* Nothing in @dir but the names given (NULL-terminated): no temporary
 * file left behind. */
void tr_test_assert_only_files     (const char  *dir,
                                    ...) G_GNUC_NULL_TERMINATED;

/* Runs the test's subprocess (g_test_trap_subprocess()) with @dir made
 * read-only (under root owned by nobody, whom the subprocess becomes),
 * and checks that it passed. The test then checks what it printed. */
void tr_test_trap_in_read_only_folder (const char *dir,
                                       guint       timeout_seconds);

G_END_DECLS
