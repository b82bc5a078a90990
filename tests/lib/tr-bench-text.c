/* tr-bench-text.c: synthetic trip reports for the benchmarks and tests
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-bench-text.h"

#include <math.h>
#include <string.h>

/* Every list is ordered from common to rare: picks are skewed towards the
 * front, so the tail words only show up in a few reports. */

typedef struct {
  const char *country;
  const char *city;
} Place;

static const Place places[] = {
  { "日本", "東京" }, { "新加坡", "新加坡" }, { "韓國", "首爾" },
  { "美國", "華盛頓" }, { "泰國", "曼谷" }, { "日本", "大阪" },
  { "德國", "柏林" }, { "荷蘭", "阿姆斯特丹" }, { "英國", "倫敦" },
  { "法國", "巴黎" }, { "香港", "香港" }, { "澳洲", "雪梨" },
  { "美國", "舊金山" }, { "日本", "京都" }, { "韓國", "釜山" },
  { "馬來西亞", "吉隆坡" }, { "越南", "河內" }, { "丹麥", "哥本哈根" },
  { "瑞典", "斯德哥爾摩" }, { "美國", "紐約" }, { "日本", "福岡" },
  { "菲律賓", "馬尼拉" }, { "印尼", "雅加達" }, { "加拿大", "溫哥華" },
  { "德國", "慕尼黑" }, { "荷蘭", "鹿特丹" }, { "芬蘭", "赫爾辛基" },
  { "奧地利", "維也納" }, { "瑞士", "日內瓦" }, { "比利時", "布魯塞爾" },
  { "西班牙", "巴塞隆納" }, { "澳洲", "墨爾本" }, { "紐西蘭", "奧克蘭" },
  { "越南", "胡志明市" }, { "泰國", "清邁" }, { "日本", "北海道" },
  { "美國", "波士頓" }, { "美國", "洛杉磯" }, { "義大利", "米蘭" },
  { "印度", "新德里" }, { "以色列", "特拉維夫" }, { "日本", "橫濱" },
  { "韓國", "仁川" }, { "挪威", "奧斯陸" }, { "波蘭", "華沙" },
  { "捷克", "布拉格" }, { "葡萄牙", "里斯本" }, { "智利", "聖地牙哥" },
  { "阿拉伯聯合大公國", "杜拜" }, { "蒙古", "烏蘭巴托" },
};

static const char * const events[] = {
  "國際研討會", "年會", "論壇", "工作小組會議", "世界城市高峰會",
  "部長級會議", "博覽會", "研習營", "交流計畫", "專家會議",
  "培訓課程", "圓桌會議", "技術研討會", "雙邊諮商會議", "國際競賽",
};

static const char * const organizations[] = {
  "市政府", "主辦單位", "駐外代表處", "當地政府", "交通部", "環境部",
  "與會代表", "專家學者", "業者", "大學", "研究中心", "國家發展委員會",
  "經濟部", "都市發展局", "秘書處", "代表團", "議會", "地方政府",
  "中央政府", "非營利組織", "顧問公司", "捷運公司", "港務局", "電力公司",
  "機場公司", "水務署", "住宅局", "衛生福利部", "文化部", "教育部",
  "科技部", "內政部", "財政部", "勞動部", "農業部", "博物館", "圖書館",
  "美術館", "科學園區", "工業技術研究院", "觀光局", "國稅局", "消防局",
  "警察局", "建築研究所", "氣象署", "海洋委員會", "原住民族委員會",
  "客家委員會", "僑務委員會",
};

static const char * const people[] = {
  "市長", "局長", "副局長", "處長", "司長", "教授", "研究員", "執行長",
  "總經理", "主任", "工程師", "官員", "講者", "議員", "部長", "次長",
  "科長", "專員", "技正", "規劃師", "建築師", "館長", "校長", "董事長",
};

static const char * const topics[] = {
  "城市", "交通", "永續發展", "環境", "住宅", "政策", "智慧城市",
  "公共運輸", "能源", "都市更新", "產業", "創新", "觀光", "教育",
  "氣候變遷", "防災", "數位轉型", "公共衛生", "文化", "社區",
  "捷運", "再生能源", "減碳", "淨零排放", "社會住宅", "長期照顧",
  "高齡化", "水資源", "廢棄物", "資源回收", "循環經濟", "空氣品質",
  "公園綠地", "自行車", "步行環境", "道路安全", "停車管理", "輕軌",
  "公車", "鐵路", "機場", "港口", "橋梁", "隧道", "高速公路",
  "太陽能", "離岸風電", "節能", "韌性", "污水處理", "醫療", "防疫",
  "文化資產", "新創", "資訊安全", "開放資料", "人工智慧", "物聯網",
  "大數據", "財政", "預算", "土地", "都市計畫", "國土規劃", "農業",
  "漁業", "食品安全", "勞動", "就業", "人才培育", "法規", "治理",
  "公私協力", "民眾參與", "少子化", "托育", "幼兒教育", "技職教育",
  "高等教育", "終身學習", "博物館經營", "圖書館服務", "表演藝術",
  "影視產業", "運動產業", "體育", "原住民族", "客家文化", "新住民",
  "性別平等", "人權", "無障礙", "身心障礙", "社會福利", "救助",
  "消防", "警政", "治安", "司法", "矯正", "移民", "海關", "檢疫",
  "動物保護", "生物多樣性", "海洋保育", "森林", "濕地", "河川整治",
  "防洪", "地震", "颱風", "海嘯", "山坡地", "地下水", "海水淡化",
  "電動車", "氫能", "儲能", "智慧電網", "電價", "核能", "天然氣",
  "稅制", "地價稅", "碳稅", "關稅", "租稅優惠", "金融監理", "保險",
  "退休金", "勞動檢查", "職業安全", "外籍勞工", "青年創業", "中小企業",
  "半導體", "生技醫藥", "精密機械", "航太", "造船", "紡織", "茶葉",
  "稻米", "花卉", "畜牧", "養殖", "冷鏈物流", "電子商務", "郵政",
  "衛星", "氣象", "地圖", "測量", "地籍", "古蹟修復", "考古",
  "檔案管理", "政府採購", "廉政", "選舉", "公文", "電子簽章",
};

static const char * const activities[] = {
  "會議", "參訪", "簡報", "座談", "交流", "研討會", "考察", "拜會",
  "實地走訪", "工作坊", "專題演講", "分組討論", "經驗分享", "開幕式",
  "閉幕式", "雙邊會談", "導覽", "展覽", "成果發表", "意見交換",
  "晚宴", "簽約儀式", "記者會", "現場勘查", "課程", "實作演練",
};

static const char * const verbs[] = {
  "推動", "說明", "介紹", "討論", "規劃", "執行", "了解", "參考",
  "建立", "強化", "提升", "改善", "整合", "發展", "分享", "評估",
  "檢討", "落實", "觀察", "學習", "借鏡", "提出", "展示", "參與",
  "出席", "協調", "溝通", "導入", "運用", "鼓勵", "支持", "投入",
  "管理", "維護", "監測", "分析", "研究", "興建", "擴大", "降低",
  "增加", "減少", "加速", "結合", "串聯", "簡化", "優化", "調整",
  "修訂", "制定", "補助", "輔導", "培訓", "宣導", "試辦", "示範",
  "盤點", "追蹤", "審查", "核定", "委託", "招標", "營運", "轉型",
  "保存", "活化", "再利用", "開放", "共享", "認證", "驗證", "稽核",
};

static const char * const modifiers[] = {
  "重要", "具體", "積極", "有效", "完整", "明確", "良好", "深入",
  "持續", "相關", "主要", "整體", "長期", "務實", "創新", "共同",
  "充分", "廣泛", "顯著", "穩定", "彈性", "透明", "公平", "友善",
  "安全", "便利", "永續", "多元", "專業", "跨域", "跨部門", "前瞻",
  "系統性", "階段性", "在地", "國際化", "低碳", "高效率", "精準",
};

static const char * const nouns[] = {
  "經驗", "做法", "機制", "措施", "計畫", "策略", "模式", "成果",
  "效益", "挑戰", "問題", "議題", "趨勢", "現況", "案例", "資料",
  "資訊", "系統", "平台", "架構", "指標", "標準", "方案", "目標",
  "願景", "需求", "資源", "預算", "人力", "技術", "設施", "服務",
  "品質", "流程", "法令", "規範", "組織", "夥伴關係", "網絡", "能力",
  "意識", "文化", "價值", "環境", "空間", "基礎建設", "營運模式",
  "財務", "風險", "成本", "利害關係人", "示範區", "實驗室", "試點",
  "評鑑", "統計", "調查", "報告書", "白皮書", "藍圖", "時程",
};

static const char * const selves[] = {
  "本府", "我國", "本部", "本局", "本署", "本處", "本中心", "本市",
  "本團", "本會", "國內", "我方",
};

static const char * const connectors[] = {
  "此外", "另外", "因此", "同時", "然而", "首先", "其次", "最後",
  "整體而言", "值得注意的是", "尤其", "相較之下", "換言之", "事實上",
  "另一方面", "綜上所述", "具體而言", "就此而言",
};

static const char * const latin[] = {
  "APEC", "smart city", "WCS", "OECD", "ASEAN", "SDGs", "ESG", "ICT",
  "GIS", "BIM", "IoT", "MRT", "TOD", "PPP", "open data", "BRT",
  "net zero", "ISO 14001", "UNESCO", "WHO", "living lab", "LNG",
  "ITS", "GDP", "KPI", "ODA", "UNFCCC", "MaaS", "eGov", "RE100",
};

static const char * const units[] = {
  "公里", "萬人", "億元", "公頃", "%", "座", "輛", "處", "戶", "公噸",
  "萬戶", "個月", "名", "件",
};

static const char * const numerals[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
  "十一", "十二", "十三", "十四", "十五",
};

/* The words the clause templates below spell out themselves. */
static const char * const template_words[] = {
  "的", "與", "在", "是", "已", "了", "依據", "自", "起", "中", "及", "上",
  "相當", "值得", "透過", "並", "與會者", "以", "為", "之一", "皆", "由",
  "每年", "約", "可", "方面", "表示", "需要", "期間", "目前", "有", "之間",
  "仍待", "為了", "將", "列", "於", "成效", "如何", "應", "對於", "本次",
  "之目的在於", "上午", "下午",
};

/* Clause templates. {P} place, {O} organization, {W} person, {T} topic,
 * {A} activity, {V} verb, {M} modifier, {N} noun, {S} the reporting side,
 * {C} connector, {L} Latin term, {D} a number. */
static const char * const clauses[] = {
  "{S}{V}{T}的{N}",
  "{O}{M}{V}{T}與{T}",
  "在{P}，{O}{V}{T}",
  "{C}，{T}是{M}的{N}",
  "{T}的{N}已{V}",
  "{W}說明{P}{T}的{N}",
  "依據{L}的{N}，{T}{V}{D}",
  "{P}自{D}起{V}{T}",
  "{A}中{V}{T}及{T}的{N}",
  "{O}在{A}上{V}{L}{N}",
  "{O}{V}了{T}的{N}",
  "{T}{N}的{V}相當{M}，值得{S}{V}",
  "透過{T}與{T}的{N}，{V}{T}",
  "{S}{V}{P}{O}，{V}{T}{N}",
  "{T}{N}{V}{D}",
  "{C}，{S}應{V}{T}",
  "對於{T}，{P}{V}{M}的{N}",
  "{T}為{P}{M}的{N}之一",
  "{O}{W}{V}{T}，並{V}{N}",
  "與會者{V}{T}在{L}{N}中的{N}",
  "{P}的{T}{N}以{T}為{N}",
  "{T}、{T}及{T}皆為{A}的{N}",
  "由{O}{V}的{T}{N}，每年{V}約{D}",
  "{S}可{V}{P}在{T}方面的{N}",
  "{W}表示，{T}需要{M}的{N}",
  "{A}期間{V}{O}的{T}{N}",
  "目前{P}約有{D}投入{T}",
  "{T}與{T}之間的{N}仍待{V}",
  "為了{V}{T}，{O}{V}{M}的{N}",
  "{L}將{T}列為{M}{N}",
  "{O}於{D}{V}{T}{N}，成效{M}",
  "{S}與{P}在{T}上的{N}{M}",
  "如何{V}{T}{N}，是{A}討論的{N}",
};

struct _TrBenchText
{
  GRand *rand;
  GStrv vocabulary;

  /* The theme of the report being written. */
  const Place *place;
  guint focus_topics[6];
  guint focus_latin[2];
  GDateTime *start;
};

/* An index into a list of @n, skewed towards the front: @power 1 is
 * uniform, larger powers make the tail rarer. */
static guint
pick_index (TrBenchText *self,
            guint        n,
            double       power)
{
  double u = g_rand_double (self->rand);

  return MIN ((guint) (n * pow (u, power)), n - 1);
}

#define PICK(self, list, power) ((list)[pick_index ((self), G_N_ELEMENTS (list), (power))])

static void
append (GString    *out,
        guint      *n_chars,
        const char *piece)
{
  g_string_append (out, piece);
  *n_chars += g_utf8_strlen (piece, -1);
}

static const char *
pick_topic (TrBenchText *self)
{
  /* Mostly the report's own topics; now and then any, with a long tail. */
  if (g_rand_double (self->rand) < 0.8)
    return topics[self->focus_topics[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (self->focus_topics))]];
  return PICK (self, topics, 3.0);
}

static const char *
pick_place (TrBenchText *self)
{
  double u = g_rand_double (self->rand);

  if (u < 0.65)
    return self->place->city;
  if (u < 0.85)
    return self->place->country;
  return PICK (self, places, 3.0).city;
}

static const char *
pick_latin (TrBenchText *self)
{
  if (g_rand_double (self->rand) < 0.7)
    return latin[self->focus_latin[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (self->focus_latin))]];
  return PICK (self, latin, 2.5);
}

static void
append_number (TrBenchText *self,
               GString     *out,
               guint       *n_chars)
{
  char buf[64];

  switch (g_rand_int_range (self->rand, 0, 4))
    {
    case 0:
      g_snprintf (buf, sizeof buf, "%d年", g_rand_int_range (self->rand, 1998, 2031));
      break;
    case 1:
      g_snprintf (buf, sizeof buf, "%d.%d%%", g_rand_int_range (self->rand, 1, 99),
                  g_rand_int_range (self->rand, 0, 10));
      break;
    default:
      g_snprintf (buf, sizeof buf, "%d%s", g_rand_int_range (self->rand, 2, 5000),
                  PICK (self, units, 1.5));
      break;
    }
  append (out, n_chars, buf);
}

static void
append_clause (TrBenchText *self,
               GString     *out,
               guint       *n_chars)
{
  const char *p = PICK (self, clauses, 1.0);

  while (*p != '\0')
    {
      const char *brace = strchr (p, '{');
      g_autofree char *literal = NULL;

      if (brace == NULL)
        {
          append (out, n_chars, p);
          return;
        }
      literal = g_strndup (p, brace - p);
      append (out, n_chars, literal);

      switch (brace[1])
        {
        case 'P': append (out, n_chars, pick_place (self)); break;
        case 'O': append (out, n_chars, PICK (self, organizations, 2.0)); break;
        case 'W': append (out, n_chars, PICK (self, people, 2.0)); break;
        case 'T': append (out, n_chars, pick_topic (self)); break;
        case 'A': append (out, n_chars, PICK (self, activities, 2.0)); break;
        case 'V': append (out, n_chars, PICK (self, verbs, 2.0)); break;
        case 'M': append (out, n_chars, PICK (self, modifiers, 2.0)); break;
        case 'N': append (out, n_chars, PICK (self, nouns, 2.0)); break;
        case 'S': append (out, n_chars, PICK (self, selves, 2.0)); break;
        case 'C': append (out, n_chars, PICK (self, connectors, 1.5)); break;
        case 'L': append (out, n_chars, pick_latin (self)); break;
        case 'D': append_number (self, out, n_chars); break;
        default: g_assert_not_reached ();
        }
      p = brace + 3;
    }
}

static void
append_sentence (TrBenchText *self,
                 GString     *out,
                 guint       *n_chars)
{
  int n_clauses = g_rand_int_range (self->rand, 1, 5);

  for (int i = 0; i < n_clauses; i++)
    {
      if (i > 0)
        append (out, n_chars, g_rand_double (self->rand) < 0.8 ? "，" : "；");
      append_clause (self, out, n_chars);
    }
  append (out, n_chars, "。");
}

/* Stops early once @target characters are written, so that a section
 * ends near its length. */
static void
append_paragraph (TrBenchText *self,
                  GString     *out,
                  guint       *n_chars,
                  guint        target)
{
  int n_sentences = g_rand_int_range (self->rand, 2, 7);

  for (int i = 0; i < n_sentences && (i == 0 || *n_chars < target); i++)
    append_sentence (self, out, n_chars);
  append (out, n_chars, "\n");
}

static char *
make_purpose (TrBenchText *self,
              guint        target)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  append (out, &n, "本次");
  append (out, &n, PICK (self, activities, 2.0));
  append (out, &n, "之目的在於");
  append (out, &n, PICK (self, verbs, 2.0));
  append (out, &n, pick_place (self));
  append (out, &n, "在");
  append (out, &n, pick_topic (self));
  append (out, &n, "方面的");
  append (out, &n, PICK (self, nouns, 2.0));
  append (out, &n, "。");
  while (n < target)
    append_paragraph (self, out, &n, target);
  return g_string_free (out, FALSE);
}

static char *
make_process (TrBenchText *self,
              guint        target)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  /* An itinerary: one paragraph per day, headed by its date. */
  for (int day = 0; n < target; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (self->start, day);
      g_autofree char *heading = g_strdup_printf ("第%d天（%d年%d月%d日）：%s%s%s，",
                                                  day + 1,
                                                  g_date_time_get_year (date),
                                                  g_date_time_get_month (date),
                                                  g_date_time_get_day_of_month (date),
                                                  g_rand_boolean (self->rand) ? "上午" : "下午",
                                                  PICK (self, verbs, 2.0),
                                                  PICK (self, organizations, 2.0));

      append (out, &n, heading);
      append_paragraph (self, out, &n, target);
    }
  return g_string_free (out, FALSE);
}

static char *
make_numbered (TrBenchText *self,
               guint        target,
               gboolean     sub_numbering)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; n < target; i++)
    {
      const char *numeral = numerals[i % G_N_ELEMENTS (numerals)];

      if (sub_numbering)
        {
          append (out, &n, "（");
          append (out, &n, numeral);
          append (out, &n, "）");
        }
      else
        {
          append (out, &n, numeral);
          append (out, &n, "、");
        }
      append (out, &n, pick_topic (self));
      append (out, &n, g_rand_boolean (self->rand) ? "：" : "\n");
      append_paragraph (self, out, &n, target);
    }
  return g_string_free (out, FALSE);
}

static char *
make_summary (TrBenchText *self,
              guint        target)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  while (n < target)
    append_sentence (self, out, &n);
  return g_string_free (out, FALSE);
}

static char *
make_title (TrBenchText *self)
{
  const char *event = PICK (self, events, 1.5);

  switch (g_rand_int_range (self->rand, 0, 5))
    {
    case 0:
      return g_strdup_printf ("赴%s參加%s報告", self->place->city, event);
    case 1:
      return g_strdup_printf ("%s%s考察報告", self->place->country, pick_topic (self));
    case 2:
      return g_strdup_printf ("出席%d年%s%s", g_date_time_get_year (self->start),
                              pick_latin (self), event);
    case 3:
      return g_strdup_printf ("%s%s與%s參訪報告", self->place->city,
                              pick_topic (self), pick_topic (self));
    default:
      return g_strdup_printf ("赴%s研習%s出國報告", self->place->country, pick_topic (self));
    }
}

static void
choose_theme (TrBenchText *self)
{
  self->place = &PICK (self, places, 2.0);
  for (guint i = 0; i < G_N_ELEMENTS (self->focus_topics); i++)
    self->focus_topics[i] = pick_index (self, G_N_ELEMENTS (topics), 1.5);
  for (guint i = 0; i < G_N_ELEMENTS (self->focus_latin); i++)
    self->focus_latin[i] = pick_index (self, G_N_ELEMENTS (latin), 1.5);

  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = g_date_time_new_utc (g_rand_int_range (self->rand, 2012, 2025),
                                     g_rand_int_range (self->rand, 1, 13),
                                     g_rand_int_range (self->rand, 1, 29),
                                     0, 0, 0);
}

TrReport *
tr_bench_text_make_report (TrBenchText *self,
                           guint        n_chars)
{
  g_autoptr(TrReport) report = tr_report_new (TR_REPORT_KIND_DRAFT);
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *title = NULL;
  g_autofree char *destination = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *period_start = NULL;
  g_autofree char *period_end = NULL;
  /* Shares of the body that each section takes, before jitter. */
  static const double shares[TR_N_SECTIONS] = { 0.12, 0.38, 0.30, 0.20 };
  guint body;

  choose_theme (self);
  title = make_title (self);
  destination = g_strcmp0 (self->place->country, self->place->city) == 0
    ? g_strdup (self->place->city)
    : g_strconcat (self->place->country, self->place->city, NULL);
  summary = make_summary (self, MIN (250, n_chars / 10));
  end = g_date_time_add_days (self->start, g_rand_int_range (self->rand, 3, 15));
  period_start = g_date_time_format (self->start, "%Y-%m-%d");
  period_end = g_date_time_format (end, "%Y-%m-%d");

  tr_report_set_text (report, TR_FIELD_TITLE, title);
  tr_report_set_text (report, TR_FIELD_DESTINATION, destination);
  tr_report_set_text (report, TR_FIELD_SUMMARY, summary);
  tr_report_set_text (report, TR_FIELD_PERIOD_START, period_start);
  tr_report_set_text (report, TR_FIELD_PERIOD_END, period_end);

  body = n_chars - MIN (n_chars, (guint) (g_utf8_strlen (title, -1) +
                                          g_utf8_strlen (destination, -1) +
                                          g_utf8_strlen (summary, -1)));
  for (TrSection s = 0; s < TR_N_SECTIONS; s++)
    {
      guint target = body * shares[s] * g_rand_double_range (self->rand, 0.8, 1.2);
      g_autofree char *text = NULL;

      switch (s)
        {
        case TR_SECTION_PURPOSE:
          text = make_purpose (self, target);
          break;
        case TR_SECTION_PROCESS:
          text = make_process (self, target);
          break;
        case TR_SECTION_OBSERVATIONS:
          text = make_numbered (self, target, TRUE);
          break;
        case TR_SECTION_RECOMMENDATIONS:
        default:
          text = make_numbered (self, target, FALSE);
          break;
        }
      /* No trailing newline: it is the end of the field. */
      g_strchomp (text);
      tr_report_set_section (report, s, text);
    }

  return g_steal_pointer (&report);
}

const TrField *
tr_bench_text_get_text_fields (void)
{
  static const TrField fields[] = {
    TR_FIELD_TITLE,
    TR_FIELD_DESTINATION,
    TR_FIELD_SUMMARY,
    TR_FIELD_PURPOSE,
    TR_FIELD_PROCESS,
    TR_FIELD_OBSERVATIONS,
    TR_FIELD_RECOMMENDATIONS,
    TR_N_FIELDS,
  };

  return fields;
}

char *
tr_bench_text_get_report_text (TrReport *report)
{
  GString *out = g_string_new (NULL);

  for (const TrField *f = tr_bench_text_get_text_fields (); *f != TR_N_FIELDS; f++)
    {
      g_string_append (out, tr_report_get_text (report, *f));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
add_words (GHashTable         *set,
           const char * const *words,
           gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    g_hash_table_add (set, (gpointer) words[i]);
}

#define ADD_WORDS(set, list) add_words ((set), (list), G_N_ELEMENTS (list))

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
build_vocabulary (void)
{
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **words = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_words;

  for (gsize i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_hash_table_add (set, (gpointer) places[i].country);
      g_hash_table_add (set, (gpointer) places[i].city);
    }
  ADD_WORDS (set, events);
  ADD_WORDS (set, organizations);
  ADD_WORDS (set, people);
  ADD_WORDS (set, topics);
  ADD_WORDS (set, activities);
  ADD_WORDS (set, verbs);
  ADD_WORDS (set, modifiers);
  ADD_WORDS (set, nouns);
  ADD_WORDS (set, selves);
  ADD_WORDS (set, connectors);
  ADD_WORDS (set, latin);
  ADD_WORDS (set, template_words);

  words = (const char **) g_hash_table_get_keys_as_array (set, &n_words);
  g_qsort_with_data (words, n_words, sizeof (char *),
                     compare_strings, NULL);
  for (guint i = 0; i < n_words; i++)
    g_strv_builder_add (builder, words[i]);
  return g_strv_builder_end (builder);
}

TrBenchText *
tr_bench_text_new (guint32 seed)
{
  TrBenchText *self = g_new0 (TrBenchText, 1);

  self->rand = g_rand_new_with_seed (seed);
  self->vocabulary = build_vocabulary ();
  return self;
}

void
tr_bench_text_free (TrBenchText *self)
{
  if (self == NULL)
    return;
  g_rand_free (self->rand);
  g_strfreev (self->vocabulary);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_free (self);
}

const char * const *
tr_bench_text_get_vocabulary (TrBenchText *self)
{
  return (const char * const *) self->vocabulary;
}

/* Clauses joined by Chinese commas and semicolons up to @target
 * characters in all, and a full stop. */
static void
append_line (TrBenchText *self,
             GString     *out,
             guint       *n_chars,
             guint        target)
{
  guint start = *n_chars;

  append_clause (self, out, n_chars);
  while (*n_chars - start < target)
    {
      append (out, n_chars, g_rand_double (self->rand) < 0.8 ? "，" : "；");
      append_clause (self, out, n_chars);
    }
  append (out, n_chars, "。\n");
}

static char *
make_pages (TrBenchText             *self,
            const TrBenchTextParams *params)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint page = 0; page < params->n_pages; page++)
    for (guint line = 0; line < params->lines_per_page; line++)
      {
        g_autofree char *number = g_strdup_printf ("第%u頁第%u行：", page + 1, line + 1);
        guint line_start = n;

        append (out, &n, number);
        append_line (self, out, &n, params->chars_per_line - MIN (params->chars_per_line,
                                                                   n - line_start + 1));
      }
  return g_string_free (out, FALSE);
}

static char *
make_outline (TrBenchText             *self,
              const TrBenchTextParams *params)
{
  const char *tag = params->tag != NULL ? params->tag : "";
  GString *out = g_string_new (NULL);
  guint paragraph = 0;
  guint n = 0;

  for (guint part = 0; n < params->n_chars; part++)
    {
      g_autofree char *part_heading = g_strdup_printf ("%s、%s第%u部分\n",
                                                       numerals[part % G_N_ELEMENTS (numerals)], tag, part + 1);

      append (out, &n, part_heading);
      for (guint item = 0; item < 3; item++)
        {
          g_autofree char *item_heading = g_strdup_printf ("（%s）%s第%u項\n",
                                                           numerals[item], tag, item + 1);
          g_autofree char *points = NULL;

          append (out, &n, item_heading);
          for (guint p = 0; p < 3; p++)
            {
              g_autofree char *number = g_strdup_printf ("%s第%u段：", tag, ++paragraph);

              append (out, &n, number);
              append_line (self, out, &n, g_rand_int_range (self->rand, 50, 150));
            }
          points = g_strdup_printf ("1. %s第%u項要點。\n(1) %s第%u項細節。\n",
                                    tag, paragraph, tag, paragraph);
          append (out, &n, points);
        }
    }
  return g_string_free (out, FALSE);
}

char *
tr_bench_text_make_text (TrBenchText             *self,
                         const TrBenchTextParams *params)
{
  choose_theme (self);
  switch (params->shape)
    {
    case TR_BENCH_TEXT_PAGES:
      return make_pages (self, params);
    case TR_BENCH_TEXT_OUTLINE:
    default:
      return make_outline (self, params);
    }
}
