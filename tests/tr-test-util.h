/* tr-test-util.h: helpers the test programs share
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Removes @path and everything below it, not following links; folders a
 * test made read-only are made writable first. Missing paths are fine. */
void    tr_test_remove_tree    (const char *path);

/* The processes whose parent is @parent and whose command line has @word,
 * zombies left out (GPid). */
GArray *tr_test_find_children  (GPid        parent,
                                const char *word);

G_END_DECLS
