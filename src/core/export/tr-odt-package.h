/* tr-odt-package.h: an ODT package, zipped, named and written safely
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-report.h"

G_BEGIN_DECLS

/* What the report's export and the review form share: the package around
 * their content.xml, the file name, and the safe write, in place or in a
 * worker thread. */

/* The package of @content (content.xml, taken) with the styles, the
 * metadata and the photos of @report. Errors are in the G_IO_ERROR domain. */
GBytes   *tr_odt_package_build        (TrReport             *report,
                                       GBytes               *content,
                                       GError              **error);

/* Writes @package to @file through a temporary file in the same folder
 * that is renamed over @file (see tr_odt_export_to_file()). Blocks. */
gboolean  tr_odt_package_write        (GBytes               *package,
                                       GFile                *file,
                                       GCancellable         *cancellable,
                                       GError              **error);

/* Builds a package from @build_data, which it owns, in a worker thread. */
typedef GBytes *(*TrOdtPackageBuilder) (gpointer              build_data,
                                        GError              **error);

/* Builds the package with @build in a worker thread and writes it to @file
 * there. The caller tags the task with @source_tag, checks the tag and
 * finishes with tr_odt_package_write_finish(). */
void      tr_odt_package_write_async  (TrOdtPackageBuilder   build,
                                       gpointer              build_data,
                                       GDestroyNotify        build_data_free,
                                       GFile                *file,
                                       gpointer              source_tag,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
gboolean  tr_odt_package_write_finish (GAsyncResult         *result,
                                       GError              **error);

/* A file name for @report without its extension: the title, with the
 * characters file systems refuse replaced by their full-width forms
 * ("a/b" → "a／b"), or "Trip report" when there is no title. */
char     *tr_odt_package_name_stem    (TrReport             *report);

G_END_DECLS
