/* tr-import-worker.h: the worker's side of an import
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The worker's side: reads the PDF at @path (password on stdin's first
 * line, if any), writes progress and then the report as JSON lines on
 * stdout, and returns the exit status: the program
 * trip-reports-import-worker PATH. The lines are objects with one member:
 *   {"progress": {"page": 3, "pages": 40}}   after each page;
 *   {"photo": {"caption": "…", "mime_type": "image/jpeg", "page": 12,
 *              "size": N}}                    a photo of the appendix, its
 *                                             N bytes right after the line;
 *   {"report": {…}}                           the report JSON, without its
 *                                             photos, last; or
 *   {"error": {"code": "pdf-encrypted", "message": "…"}}   last, where
 * the code is the nick of a TrError. */
int tr_import_worker_main (const char *path);

G_END_DECLS
