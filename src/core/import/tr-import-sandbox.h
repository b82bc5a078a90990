/* tr-import-sandbox.h: what the import worker may still do once confined
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Confines the calling process for good, to read an untrusted document it
 * has already opened: no new privileges, no network, no other program, no
 * new child process, no writing, creating, renaming or removing files, no
 * opening files except for reading and, where the kernel has Landlock,
 * only below @readable_dirs (NULL: none). What is refused fails with EPERM
 * (EACCES for a Landlock refusal). Call it while the process has a single
 * thread: Landlock binds the calling thread and those it starts later. */
gboolean tr_import_sandbox_enter            (const char * const  *readable_dirs,
                                             GError             **error);

/* Whether tr_import_sandbox_enter() can limit reading to @readable_dirs
 * here (Landlock is in the kernel and enabled). */
gboolean tr_import_sandbox_can_limit_reading (void);

G_END_DECLS
