/* tr-snippet-marks.h: how a search hit's snippet marks its matches
 *
 * Between the search (src/core/store/search), which writes them, and
 * TrReportInfo, the window and the command line, which show them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Control characters, which the text of a report does not otherwise hold. */
#define TR_SNIPPET_MATCH_START "\x02"
#define TR_SNIPPET_MATCH_END   "\x03"
