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
 *              … "size": N, "offset": O}}     or, when they are bytes
 *                                             O to O + N of the PDF, none;
 *   {"report": {…}}                           the report JSON, without its
 *                                             photos, last; or
 *   {"error": {"code": "pdf-encrypted", "message": "…"}}   last, where
 * the code is the nick of a TrError. */
int tr_import_worker_main (const char *path);

/* The same for one file after another, each read by a child of its own
 * forked from this process, which loaded what every reader needs only
 * once: the program trip-reports-import-worker --serve. Its stdin is a
 * Unix socket of packets (SOCK_SEQPACKET): each request is a JSON object
 * {"password": "…"} (or {}) sent with two descriptors, the PDF open for
 * reading and the write end of a pipe, where the child writes what
 * tr_import_worker_main() writes on stdout. Once the child has ended, the
 * answer on the socket is {"status": N} (its exit status) or
 * {"signal": N} (the signal that killed it). It returns when the socket
 * is closed. The children are confined and limited as a worker started
 * for one file is; a crash costs only the child's file. */
int tr_import_worker_serve (void);

G_END_DECLS
