/**
 * Section drafts in Markdown with the text that word counters disagree on: hyphens and dashes,
 * numbers with separators, URLs and e-mail addresses, French with no-break spaces, Chinese,
 * Arabic, a table, lists and footnotes. Shared by the word-count agreement tests.
 */
export const TRICKY_DOCUMENTS: { name: string; markdown: string }[] = [
  {
    name: "hyphens and dashes",
    markdown: [
      "### Multi-stakeholder co-operation",
      "The well-being of small island developing States depends on e-government and on " +
        "state-of-the-art networks — above all in the least developed countries – and on " +
        "people-centred, development-oriented policies. Mobile-broadband prices fell in 2015–2024; " +
        "the gap between urban and rural users—once narrowing—widened again in low-income " +
        "economies. Some call it a so-called digital divide; others speak of a data-driven one.",
      "Policy-makers in the twenty-first century face AI-enabled services and cross-border " +
        "data flows, and the self-regulation of platforms - a long-standing debate - continues.",
    ].join("\n\n"),
  },
  {
    name: "numbers with separators",
    markdown:
      "In 2024, 5,500 million people (67.4 per cent) used the Internet, up from 1,023 million " +
      "in 2005; 2.6 billion remained offline. Prices fell to US$ 1.25 per GB, or 1.9% of " +
      "monthly income, against a target of 2%. The report must stay within 30,000-40,000 " +
      "words; section 3.2.1 allots 1 500 words to access, and annex IV lists 24/7 services, " +
      "5G (3.5 GHz) spectrum and 1st-generation networks at +4 or -3 points.",
  },
  {
    name: "URLs and e-mail addresses",
    markdown:
      "Statistics are published at https://www.itu.int/en/ITU-D/Statistics/Pages/stat/default.aspx " +
      "and at <https://unctad.org/topic/commission-on-science-and-technology-for-development>; " +
      "see also [the Global Digital Compact](https://www.un.org/techenvoy/global-digital-compact). " +
      "Comments may be sent to cstd@unctad.org or to wsis-review@un.org before 31 January, " +
      "quoting the file name E_CN.16_2025_CRP.1.docx and www.intgovforum.org as the source.",
  },
  {
    name: "French with no-break spaces",
    markdown: [
      "Le Sommet mondial sur la société de l\u2019information (SMSI) a fixé des objectifs " +
        "ambitieux\u00a0: connecter les villages, les écoles et les hôpitaux d\u2019ici à 2015. " +
        "Vingt ans plus tard, le constat est nuancé\u202f; les progrès sont réels, mais " +
        "inégaux selon les régions et les revenus.",
      "Comme l\u2019a rappelé le Secrétaire général, «\u00a0personne ne doit être laissé " +
        "de côté\u00a0». Près de 2\u00a0600\u00a0millions de personnes restent hors ligne, " +
        "dont une majorité de femmes et de jeunes filles vivant en zone rurale. Faut-il " +
        "revoir les lignes d\u2019action\u202f? La Commission le pense, et propose trois " +
        "pistes pour les années à venir, fondées sur la coopération multipartite et " +
        "l\u2019investissement public dans les infrastructures numériques\u00a0!",
    ].join("\n\n"),
  },
  {
    name: "Chinese",
    markdown:
      "信息社会世界峰会二十年审查报告评估了自二〇〇五年以来取得的进展" +
      "以及仍然存在的差距和新出现的挑战。互联网用户从十亿增加到五十五亿" +
      "但是数字鸿沟依然存在特别是在最不发达国家和农村地区。" +
      "委员会在2025年第二十八届会议上讨论了WSIS成果和未来的行动方向。",
  },
  {
    name: "Arabic",
    markdown:
      "استعرضت لجنة تسخير العلم والتكنولوجيا لأغراض التنمية التقدم المحرز في تنفيذ نتائج " +
      "القمة العالمية لمجتمع المعلومات على مدى عشرين عاماً، وخلصت إلى أن الفجوة الرقمية " +
      "لا تزال قائمة بين البلدان المتقدمة والبلدان النامية، ولا سيما في أقل البلدان نمواً. " +
      "ويستخدم الإنترنت اليوم نحو 5.5 مليار شخص، أي ما يعادل ثلثي سكان العالم.",
  },
  {
    name: "a table",
    markdown: [
      "Table 1 compares Internet use by region, in per cent of the population.",
      "| Region | 2005 | 2015 | 2024 |\n| --- | --- | --- | --- |\n" +
        "| Africa | 2.1 | 20.7 | 38.0 |\n| Arab States | 8.3 | 39.1 | 70.1 |\n" +
        "| Asia-Pacific | 9.4 | 38.2 | 66.9 |\n| Europe | 46.3 | 75.9 | 91.3 |\n" +
        "| Least developed countries | 0.8 | 10.2 | 35.0 |",
      "Source: ITU estimates, November 2024.",
    ].join("\n\n"),
  },
  {
    name: "lists",
    markdown: [
      "The Commission recommends that Governments:",
      "1. Expand affordable broadband to rural and remote communities;\n" +
        "2. Invest in digital skills, especially for women and girls:\n" +
        "   - basic literacy programmes in schools;\n" +
        "   - advanced training for public servants;\n" +
        "3. Strengthen data protection and cybersecurity frameworks.",
      "- Monitor progress with the Partnership on Measuring ICT for Development;\n" +
        "- Report to the Economic and Social Council every two years.",
    ].join("\n\n"),
  },
  {
    name: "footnotes",
    markdown: [
      "Broadband prices fell by half over the decade,[^1] while mobile coverage reached 95 " +
        "per cent of the world population.[^2] Yet usage lags coverage in most regions.[^3]",
      "[^1]: ITU, *Measuring digital development: Facts and Figures 2024* (Geneva, 2024).",
      "[^2]: GSMA, The State of Mobile Internet Connectivity 2024, available at " +
        "https://www.gsma.com/r/somic/.",
      "[^3]: See A/79/62–E/2024/12, paras. 14–16.",
    ].join("\n\n"),
  },
];
