/* tr-odt-review-form.h: the filled review form (出國報告審核表) as a one-page ODT
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-report.h"
#include "tr-review.h"

G_BEGIN_DECLS

/* 附件二 filled from @report (its header) and @review (the ten items in
 * both columns, the reasons, the ways of publication, the remarks and the
 * signatures), on one A4 page. Errors are in the G_IO_ERROR domain. */
GBytes   *tr_odt_review_form_to_bytes  (TrReport             *report,
                                        TrReview             *review,
                                        GError              **error);
/* Written as tr_odt_export_to_file() writes: an existing file is replaced
 * whole or left as it was. Blocks. */
gboolean  tr_odt_review_form_to_file   (TrReport             *report,
                                        TrReview             *review,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GError              **error);
/* The same in a worker thread, on copies taken now. */
void      tr_odt_review_form_export_async  (TrReport            *report,
                                            TrReview            *review,
                                            GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean  tr_odt_review_form_export_finish (GAsyncResult        *result,
                                            GError             **error);
/* "<title>-審核表.odt", made safe as tr_odt_export_suggest_name() does. */
char     *tr_odt_review_form_suggest_name  (TrReport            *report);

G_END_DECLS
