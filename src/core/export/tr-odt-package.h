/* tr-odt-package.h: a laid-out document as an ODT package
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tr-document.h"
#include "tr-odt-private.h"

G_BEGIN_DECLS

/* The ODF 1.3 package of @document: content, styles, metadata and the
 * photos, zipped, as the bytes of an .odt file. Errors are in the
 * G_IO_ERROR domain. */
GBytes   *tr_odt_package_build        (TrDocument           *document,
                                       GError              **error);

/* The same, carrying @exchange (NULL: nothing) so that the file can come
 * back: its parts are listed in the manifest as application/json. */
GBytes   *tr_odt_package_build_for_exchange (TrDocument          *document,
                                             const TrOdtExchange *exchange,
                                             GError             **error);

G_END_DECLS
