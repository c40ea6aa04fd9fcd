# ruff: noqa: E501
"""Arabic articles of the segmentation blind check (format in ``tests/data/heldout_gold/make_heldout_gold.py``).

Written from the rule book only, before the segmenter rule work they check, in layouts the news and held-out gold
lack. Each entry is (hard-wrap width or 0, spec). All names, outlets, figures and quotes are invented.
"""

ARTICLES: dict[str, tuple[int, str]] = {}

# Agency copy stored with hard line wraps at 64 characters AND pre-tokenised punctuation (spaces before ، . ؟ : and
# inside quotes), a two-sentence direct quote whose closing quote stands apart from the period, thousands and decimals,
# a sentence ending in a colon that introduces a numbered list (items with and without a final period, wrapped when
# long), a question, and a pre-tokenised credits footer.
ARTICLES["b-ar-wrapped-pretok-list"] = (64, """
T| البنك المركزي العراقي : لا نية لتغيير سعر صرف الدينار || البنك المركزي العراقي | : | indirect
B dateline| بغداد ( الرافدين برس ) -
+S| نفى البنك المركزي العراقي ، اليوم الأحد ، وجود أي نية لتغيير سعر صرف الدينار مقابل الدولار ، مؤكداً أن السعر الرسمي البالغ 1,310 دنانير للدولار " ثابت ولن يتغير " . || البنك المركزي العراقي | نفى | indirect
S| وقال محافظ البنك حسن الكعبي في مؤتمر صحفي ببغداد : " ما يتداول على مواقع التواصل الاجتماعي عار عن الصحة . || حسن الكعبي | قال | direct
+S| لدينا احتياطيات تتجاوز 100 مليار دولار " . || <حسن الكعبي | <قال | direct
S| وأضاف أن البنك اتخذ خمسة إجراءات لتقليص الفجوة بين السعر الرسمي وسعر السوق الموازية ، وهي : || <حسن الكعبي | أضاف | indirect
/S| 1. زيادة مبيعات الدولار للمسافرين إلى 5 آلاف دولار للشخص الواحد .
/S| 2. فتح نوافذ بيع جديدة في 12 مصرفاً حكومياً وخاصاً في بغداد والبصرة وأربيل والموصل .
/S| 3. تشديد الرقابة على شركات الصيرفة غير المرخصة
/S| 4. تسريع تمويل التجارة الخارجية عبر المنصة الإلكترونية للبنك .
/S| 5. التنسيق مع وزارة الداخلية لملاحقة المضاربين
S| وارتفع سعر الدولار في السوق الموازية في بغداد إلى نحو 1,480 ديناراً الأسبوع الماضي ، أي بفارق يزيد على 12.5 % عن السعر الرسمي .
S| هل تكفي هذه الإجراءات ؟
+S| يرى الخبير الاقتصادي نبيل الساعدي أن الإجراءات " مسكنات مؤقتة " ، موضحاً أن المشكلة الحقيقية تكمن في القيود المفروضة على التحويلات الخارجية . || نبيل الساعدي | يرى | indirect
S| ويفرض الاحتياطي الفيدرالي الأمريكي منذ نهاية 2022 قواعد أكثر صرامة على التحويلات بالدولار إلى العراق ، بحسب مسؤولين أمريكيين . || مسؤولين أمريكيين | بحسب | indirect
S| من جانبه ، قال عضو اللجنة المالية النيابية مصطفى الجبوري لـ " الرافدين برس " إن اللجنة ستستضيف المحافظ الأسبوع المقبل لمناقشة الخطة . || مصطفى الجبوري | قال | indirect
S| وكان الدينار قد فقد نحو 20 % من قيمته في السوق الموازية خلال الأشهر الستة الأولى من العام الماضي .
B footer| ( إعداد : زينب العبيدي - تحرير : كريم الحسني )
""")

# A scraped news portal page: menu lines, a breaking-news ticker, a breadcrumb, a headline with "..", a byline with
# "كتب:", publication and update times, font-size/print widgets, an archive caption without credit, a dateline on its
# own line, a bullet list of prices without final periods after a colon line, a heading, a caption with its credit on
# the next line, a question, share buttons, tags, related links (one with ".."), and the copyright footer.
ARTICLES["b-ar-portal-prices"] = (0, """
B nav| الرئيسية
/B nav| أخبار محلية
/B nav| عربي ودولي
/B nav| اقتصاد
/B nav| رياضة
/B nav| منوعات
/B nav| اتصل بنا
B ticker| عاجل | وزير الطاقة يعلن جدولاً جديداً لقطع الكهرباء في العاصمة
B nav| الرئيسية » اقتصاد
T| الأردن.. ارتفاع أسعار الخضار قبيل رمضان والحكومة تعد بالتدخل
B byline| كتب: سامر الخطيب
/B timestamp| نشر في: الثلاثاء 5 مارس 2024 - 10:45 ص
/B timestamp| آخر تحديث: الثلاثاء 5 مارس 2024 - 01:20 م
B widget| حجم الخط
/B widget| طباعة
B caption| سوق الخضار المركزي في عمّان - أرشيفية
B dateline| عمّان – الديار
/S| ارتفعت أسعار عدد من أصناف الخضار في السوق المركزي بعمّان بنسب تراوحت بين 20 و50% خلال الأسبوع الماضي، مع اقتراب شهر رمضان المبارك.
S| وقال رئيس جمعية تجار الخضار والفواكه سعدي أبو حماد إن "تراجع الإنتاج بسبب موجة الصقيع الأخيرة رفع الأسعار، لكن السوق ستستقر خلال أسبوعين". || سعدي أبو حماد | قال | indirect
S| وجاءت الأسعار في نشرة السوق المركزي الصادرة صباح اليوم على النحو التالي:
/S| • البندورة: 0.85 دينار للكيلو
/S| • الخيار: 0.70 دينار للكيلو
/S| • الكوسا: 1.10 دينار للكيلو
/S| • البطاطا: 0.45 دينار للكيلو
H| الحكومة تعد بالتدخل
S| من جهته، أكد وزير الصناعة والتجارة يوسف الحمايدة أن الوزارة "لن تتردد في تحديد سقوف سعرية" إذا استمر الارتفاع. || يوسف الحمايدة | أكد | indirect
S| وأضاف في تصريح لـ"الديار" أن فرق الرقابة نفذت أكثر من 1,200 جولة تفتيشية منذ بداية الشهر. || <يوسف الحمايدة | أضاف | indirect
B caption| وزير الصناعة والتجارة خلال جولة تفتيشية في أحد الأسواق
/B credit| (تصوير: محمد القرالة)
S| في المقابل، طالبت جمعية حماية المستهلك الحكومة بفتح باب الاستيراد من دول الجوار لكسر الاحتكار.
S| هل تعود الأسعار إلى مستواها بعد رمضان؟
+S| يتوقع خبراء أن يبقى الارتفاع قائماً حتى منتصف الشهر على الأقل. || خبراء | يتوقع | indirect
B share| شارك الخبر:
/B share| فيسبوك
/B share| تويتر
/B share| واتساب
B tags| الوسوم: الأردن أسعار الخضار رمضان
B read_also| مواضيع ذات صلة
/B read_also| الأردن.. الحكومة تثبت أسعار المحروقات لشهر آذار
/B read_also| 5 نصائح لتوفير المال في رمضان
B footer| جميع الحقوق محفوظة © الديار 2024
""")
