"""Word lists the rule segmenter consults (abbreviations, sentence starters, function words)."""

from __future__ import annotations


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())

# A period after these (lower-cased, inner dots removed) never ends a sentence: titles and ranks before a name.
TITLE_ABBREV = _words(
    """mr mrs ms messrs dr prof gen maj lt col capt cpt sgt cmdr adm gov sen rep rev hon pres supt insp det cpl pvt
    brig amb atty fr mt ft"""
)
# A period after these often ends a sentence (a time, a company, a name suffix, a list): before a capitalised word it
# does, unless that word commonly follows the abbreviation inside a sentence (ABBREV_CONTINUE: 4 p.m. ET, Apple Inc.
# Chief Executive ...). The others (OTHER_ABBREV) end a sentence only before a clear sentence starter.
ENDING_ABBREV = _words("am pm inc corp co ltd llc plc jr sr bros etc")
ABBREV_CONTINUE = _words(
    """ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST CET CEST UTC AST IST Eastern Central Mountain Pacific Local
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun January February
    March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct
    Nov Dec Chief CEO Chairman Chairwoman President Co Ltd LLC Inc Corp"""
)
# A period after these ends a sentence only when a clear sentence starter follows.
OTHER_ABBREV = ENDING_ABBREV | _words(
    """st al approx dept est fig vol vols pp no nos vs v ca cf eg ie
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore
    pa penn tenn tex va vt wash wis wyo wva nh nj nm ny nc nd ri sc sd dc"""
)
MONTH_ABBREV = _words("jan feb mar apr jun jul aug sep sept oct nov dec")

# Words that clearly start an English sentence (after an abbreviation, or after a line break).
EN_STARTERS = _words(
    """The A An He She It They We I You This That These Those There Here His Her Their Its Our My Your But And Yet So
    In On At As After Before When While If Since Although Though However Meanwhile Some Many Most Several Other Others
    One Two Three No Nor Not For Still Also Mr Mrs Ms Dr Officials Police Critics Asked What Why How Who Where Then
    Last Earlier Later Now Today Yesterday Tomorrow"""
)

# A line ending with one of these words is continued on the next line (the line break splits a sentence).
EN_CONTINUE_END = _words(
    """the a an of to in on at by for with from and or but nor that which who whom whose as than into onto over under
    about after before between during against among through without within said says told added is are was were be
    been being has have had will would could should can may might must not its their his her our your my this these
    those if while when where because although though so such very more most less least per via"""
)

AR_CONTINUE_END = _words(
    """في من على إلى الى عن أن إن ان بأن بان لأن لان التي الذي الذين اللذين اللتين اللواتي مع بين حول ضد قبل بعد خلال
    منذ عند لدى حتى و أو او ثم لكن بل كما عبر نحو دون ضمن تجاه إزاء وفق وفقا بحسب حسب قد لم لن لا ما هو هي هم كان
    كانت يكون تكون أي أنه أنها إنه إنها بأنه بأنها كل بعض غير عدة أحد إحدى"""
)
# Words that rarely start an Arabic sentence: a line starting with one continues the previous line.
AR_CONTINUE_START = _words("التي الذي الذين اللذين اللتين اللواتي ضد لدى إزاء تجاه بأن أن")
# Words that clearly start an Arabic news sentence.
AR_STARTERS = _words(
    """وقال وقالت وأضاف وأضافت وأكد وأكدت وأشار وأشارت وأوضح وأوضحت وتابع وتابعت وأعلن وأعلنت ونفى ونفت وكان وكانت
    وفي ومن وقد ولم ولا وجاء ويأتي وتأتي ويذكر يذكر وبحسب ووفقا وبينما وتقود وختم وأعرب وأعربت وحذر وحذرت
    وطالب وطالبت ودعا ودعت وشدد وشددت ولفت ولفتت وذكر وذكرت وبين وبينت واعتبر واعتبرت ويقول وتقول وأفاد وأفادت
    قال قالت أضاف أكد أشار أوضح أعلن في من وفيما وعلى وإلى وبعد وقبل وخلال ومنذ وحول وتعد ويعد وهذا وهذه
    ومع كما بدوره بدورها جهته جهتها يشار وتجدر"""
)
