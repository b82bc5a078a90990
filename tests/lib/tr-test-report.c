/* tr-test-report.c: reports the export tests make
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "tr-bench-text.h"
#include "tr-test-report.h"

const char * const tr_test_section_texts[TR_N_SECTIONS] = {
  "世界城市高峰會每兩年舉辦一次，為全球城市治理之重要論壇。\n"
  "一、了解各國智慧城市推動經驗。\n"
  "二、建立與國際城市之交流管道。",

  "一、行程概要\n"
  "本次行程自6月2日至6月6日，共計5日。\n"
  "（一）6月2日：啟程\n"
  "搭機前往新加坡。\n"
  "（二）6月3日：開幕式及專題論壇\n"
  "1. 開幕式由新加坡總理致詞。\n"
  "2. 下午參加「宜居城市」論壇，與會者討論城市韌性、氣候變遷調適與公共運輸整合等議題，"
  "並分享各城市在社會住宅與智慧交通方面之具體做法及成果。\n"
  "(1) 哥本哈根分享自行車道網絡。\n"
  "(2) 首爾分享公共運輸整合經驗。\n"
  "二、參訪行程\n"
  "參訪市區重建局（URA）。",

  "新加坡政府以長期規劃引導城市發展，值得學習。",

  "一、建議強化跨部門整合機制。\n"
  "二、建議持續參與國際城市論壇。\n"
  "三、建議導入智慧城市指標。",
};

static TrTraveller *
new_traveller (const char *name,
               const char *title,
               const char *phone)
{
  TrTraveller *traveller = tr_traveller_new ();

  tr_traveller_set (traveller, TR_TRAVELLER_NAME, name);
  tr_traveller_set (traveller, TR_TRAVELLER_AGENCY, "內政部國土管理署");
  tr_traveller_set (traveller, TR_TRAVELLER_UNIT, "都市計劃組");
  tr_traveller_set (traveller, TR_TRAVELLER_TITLE, title);
  tr_traveller_set (traveller, TR_TRAVELLER_PHONE, phone);
  return traveller;
}

/* A complete report, as a traveller would submit it. */
TrReport *
tr_test_make_report (void)
{
  TrReport *report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(TrTraveller) first = new_traveller ("王小明", "科長", "02-2771-2345");
  g_autoptr(TrTraveller) second = new_traveller ("李大華", "技正", "02-2771-2346");
  const char * const keywords[] = { "世界城市高峰會", "智慧城市", "新加坡", NULL };

  tr_report_set_text (report, TR_FIELD_TITLE, "赴新加坡參加2024年世界城市高峰會出國報告");
  tr_report_set_text (report, TR_FIELD_AGENCY, "內政部國土管理署");
  tr_report_set_text (report, TR_FIELD_CONTACT, "陳聯絡");
  tr_report_set_text (report, TR_FIELD_PHONE, "02-2771-9999");
  tr_report_set_text (report, TR_FIELD_CATEGORY, "開會");
  tr_report_set_text (report, TR_FIELD_PERIOD_START, "2024-06-02");
  tr_report_set_text (report, TR_FIELD_PERIOD_END, "2024-06-06");
  tr_report_set_text (report, TR_FIELD_DESTINATION, "新加坡");
  tr_report_set_text (report, TR_FIELD_REPORT_DATE, "2024-08-15");
  tr_report_set_text (report, TR_FIELD_CLASSIFICATION, "H0/CS001");
  tr_report_set_text (report, TR_FIELD_SUMMARY,
                      "本次奉派赴新加坡參加2024年世界城市高峰會，與各國城市首長及專家交流永續城市發展經驗。\n"
                      "整體而言，新加坡在都市規劃、公共住宅及水資源管理方面之做法，值得我國參考借鏡。");
  for (guint s = 0; s < TR_N_SECTIONS; s++)
    tr_report_set_section (report, s, tr_test_section_texts[s]);
  tr_report_set_text (report, TR_FIELD_APPENDIX, "照片1：開幕式會場\n照片2：參訪市區重建局");
  g_list_store_append (tr_report_get_travellers (report), first);
  g_list_store_append (tr_report_get_travellers (report), second);
  tr_report_set_keywords (report, keywords);
  tr_report_set_has_attachments (report, TRUE);
  return report;
}

/* The outline of the shared generator (tr-bench-text.h), on a seed
 * drawn from @rand: the same @rand gives the same texts. */
char *
tr_test_make_long_text (GRand      *rand,
                        const char *tag,
                        guint       n_chars)
{
  g_autoptr(TrBenchText) generator = tr_bench_text_new (g_rand_int (rand));
  const TrBenchTextParams params = {
    .shape = TR_BENCH_TEXT_OUTLINE,
    .n_chars = n_chars,
    .tag = tag,
  };

  return tr_bench_text_make_text (generator, &params);
}

/* A real photo of @width × @height in @format, with a gradient so that it
 * is not trivially compressible. */
TrPhoto *
tr_test_make_photo (const char *format,
                    int         width,
                    int         height,
                    const char *caption)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  gchar *buffer = NULL;
  gsize size = 0;
  TrPhoto *photo;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + y * stride + x * 3;

        p[0] = x * 255 / width;
        p[1] = y * 255 / height;
        p[2] = (x + y) % 256;
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, format, &error, NULL));
  g_assert_no_error (error);
  data = g_bytes_new_take (buffer, size);
  photo = tr_photo_new_from_bytes (data, format, &error);
  g_assert_no_error (error);
  tr_photo_set_caption (photo, caption);
  return photo;
}
