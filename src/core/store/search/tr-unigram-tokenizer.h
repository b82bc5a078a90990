/* tr-unigram-tokenizer.h: an FTS5 tokenizer for queries of one or two characters
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TR_UNIGRAM_TOKENIZER_NAME "tr_unigram"

/* Whether the tokenizer with the argument "word_bigrams" indexes the pair
 * of characters @first @second (as written, before folding): not across
 * a space, nor with a punctuation mark. */
gboolean tr_unigram_tokenizer_indexes_pair (gunichar first,
                                            gunichar second);

/* Registers the tokenizer on @db; every connection that reads or writes the
 * short-query index must do this first. */
int tr_unigram_tokenizer_register (sqlite3 *db);

G_END_DECLS
