/* tr-tsv.h: the rows and cells of tab-separated text from the clipboard
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Splits @text into rows (GStrv, one per row, in a GPtrArray that frees
 * them) of cells: a tab between two cells, a line break (\n, \r\n or \r)
 * between two rows. A cell that starts with " is quoted, as LibreOffice
 * Calc and Excel put a cell holding a tab, a line break or a quote on the
 * clipboard: up to the next lone " it may hold tabs and line breaks, and
 * "" stands for one ". A quote never closed is a quote like any other
 * character. The line break after the last row makes no row of its own.
 * Line breaks in a cell come out as \n. Never NULL; no row for "". */
GPtrArray *tr_tsv_parse (const char *text);

G_END_DECLS
