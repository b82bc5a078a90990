/* tr-poppler-core.hh: what tr-pdf-text.cc and tr-pdf-images.cc need of
 * poppler's core whose form changed between releases (its API is not
 * stable): one place for the version checks
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <Object.h>
#include <PDFDoc.h>
#include <Stream.h>

#include <memory>
#include <optional>

#include <glib.h>
/* Poppler-glib's, of the same release: the core has no version numbers. */
#include <poppler-features.h>

/* Back to a stream's start: reset() until 26.01, where it became rewind();
 * since 25.02 it says whether it could. */
template<typename S>
static inline bool
tr_poppler_rewind_stream (S *str)
{
#if POPPLER_CHECK_VERSION(26, 1, 0)
  return str->rewind ();
#elif POPPLER_CHECK_VERSION(25, 2, 0)
  return str->reset ();
#else
  str->reset ();
  return true;
#endif
}

/* No dictionary, for a stream made of bytes in memory. */
static inline Object
tr_poppler_null_object ()
{
#if POPPLER_CHECK_VERSION(25, 5, 0)
  return Object::null ();
#else
  return Object (objNull);
#endif
}

/* A document read from @data, which must outlive it; @password is tried
 * as the owner's and the user's. */
static inline std::unique_ptr<PDFDoc>
tr_poppler_open_document (GBytes                         *data,
                          const std::optional<GooString> &password)
{
  gsize size;
  const char *bytes = (const char *) g_bytes_get_data (data, &size);
  auto stream = std::make_unique<MemStream> (bytes, 0, (Goffset) size, tr_poppler_null_object ());

  /* The document owns its stream; since 26.02 it says so. */
#if POPPLER_CHECK_VERSION(26, 2, 0)
  return std::make_unique<PDFDoc> (std::move (stream), password, password);
#else
  return std::make_unique<PDFDoc> (stream.release (), password, password);
#endif
}
