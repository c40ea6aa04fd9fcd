# ruff: noqa: E501
"""English claim-unit gold articles (written for stancekit; see make_claim_gold.py for the line format)."""

ARTICLES: dict[str, str] = {}

ARTICLES["c01"] = """
T| Pentagon: US troops will stay in Iraq after combat mission ends || Pentagon | : | indirect
B byline| By Sarah Collins, Defense Correspondent
B dateline| WASHINGTON (Reuters) -
+S| The Pentagon said on Thursday that about 2,500 U.S. troops would remain in Iraq after the formal end of the combat mission. || Pentagon | said | indirect
S| "We are not leaving," Defense Secretary Lloyd Austin told reporters at a briefing. || Lloyd Austin | told | direct
+S| "Our role is changing, but our commitment is not." || <Lloyd Austin | <told | direct
S| He added that the remaining forces would focus on advising and training Iraqi units. || <Lloyd Austin | added | indirect
S| Iraqi Prime Minister Mohammed Shia al-Sudani met Austin in Baghdad last month to discuss the timeline.
S| According to a senior U.S. official, the two sides have agreed on a transition period of about 18 months. || a senior U.S. official | According to | indirect
S| The official, who spoke on condition of anonymity because he was not authorized to speak publicly, said Iran-backed militias had carried out more than 60 attacks on U.S. bases since October. || The official | said | indirect
S| Kataib Hezbollah, one of the most powerful militias, has vowed to continue attacks until all foreign troops leave.
S| Iran's foreign ministry denied any role in the attacks, according to state media. || Iran's foreign ministry | denied | indirect
B credit| (Reporting by Sarah Collins; Editing by Mark Potter)
"""

ARTICLES["c02"] = """
T| Shell profit slides 30% as gas prices cool
B dateline| LONDON, May 2 (Reuters) -
+S| Shell posted a 30% fall in first-quarter profit on Thursday, hit by lower gas prices and weaker refining margins.
S| Chief Executive Wael Sawan said the company would keep buying back shares at the same pace. || Wael Sawan | said | indirect
S| "We delivered another quarter of strong operational performance," Sawan said in a statement. || Sawan | said | direct
S| Analysts at RBC Capital Markets said the results were slightly better than expected. || Analysts at RBC Capital Markets | said | indirect
S| Biraj Borkhataria, an analyst at RBC, pointed out that gas trading had been unusually weak. || Biraj Borkhataria | pointed out | indirect
S| "The buyback shows confidence in the cash flow," said Maurizio Carulli, an energy analyst at Quilter Cheviot. || Maurizio Carulli | said | direct
S| Ms Lindqvist, who chairs the board's audit committee, declined to comment on the refinery sale.
S| Climate campaigners urged Shell to cut oil output faster.
S| The Financial Times quoted a Shell executive as saying the company planned to sell its Singapore refinery. || a Shell executive | saying | indirect
S| The company says it remains on track to meet its 2030 emissions targets. || The company | says | indirect
B share| Share this article
"""

ARTICLES["c03"] = """
T| Reeves: "We will not raise income tax" || Reeves | : | direct
B byline| By James Hart, Political Reporter, BBC News
S| Chancellor Rachel Reeves has insisted that the government will not raise income tax in next month's budget. || Rachel Reeves | insisted | indirect
S| Speaking to the BBC's Sunday with Laura Kuenssberg programme, she said: "Working people will not pay more." || <Rachel Reeves | said | direct
+S| "That is a promise we made, and we will keep it." || <Rachel Reeves | <said | direct
S| But Conservative MP Tom Madden warned that "the numbers simply do not add up". || Tom Madden | warned | indirect
S| Mr Madden said the Treasury had left itself no room for manoeuvre. || Madden | said | indirect
S| He called on the chancellor to publish the full forecasts before the budget.
S| The Institute for Fiscal Studies, an independent think tank, said the pledge would make it harder to fund public services. || Institute for Fiscal Studies | said | indirect
S| Downing Street declined to comment on the figures.
S| Labour sources said privately that VAT could still rise. || Labour sources | said | indirect
S| It is said that several cabinet ministers oppose the plan.
B footer| Copyright 2024 BBC. All rights reserved.
"""

ARTICLES["c04"] = """
T| WHO warns of rising cholera cases in East Africa || WHO | warns | indirect
B dateline| GENEVA, Feb. 14 (AP) -
+S| The World Health Organization warned on Wednesday that cholera cases in East Africa had more than doubled since January. || World Health Organization | warned | indirect
S| "Cases are rising fast. || >Tedros Adhanom Ghebreyesus | >told | direct
+S| We are worried about the rainy season," WHO Director-General Tedros Adhanom Ghebreyesus told reporters. || Tedros Adhanom Ghebreyesus | told | direct
S| He said the agency had shipped 1.2 million doses of oral vaccine to Kenya and Ethiopia. || <Tedros Adhanom Ghebreyesus | said | indirect
S| According to data from Kenya's health ministry, 43 people have died since the outbreak began. || Kenya's health ministry | According to | indirect
S| Health workers in the Somali region said clinics were running out of rehydration salts. || Health workers in the Somali region | said | indirect
S| They urged donors to release emergency funds.
S| Médecins Sans Frontières called for an immediate scale-up of water and sanitation services.
S| The outbreak was allegedly made worse by a shortage of chlorine.
S| Officials are expected to meet in Nairobi next week.
B share| Follow us on X and Facebook
"""

ARTICLES["c05"] = """
T| Former mayor denies bribery charges || Former mayor | denies | indirect
B dateline| PROVO, Utah, Dec. 23 (UPI) --
+S| A former mayor of Provo denied on Monday that he had accepted bribes from a property developer. || A former mayor of Provo | denied | indirect
S| John Keller, 64, told the court that the payments were "legitimate consulting fees." || John Keller | told | indirect
S| Prosecutors alleged that Keller received more than $250,000 between 2015 and 2019. || Prosecutors | alleged | indirect
S| "This was a scheme to sell the city's decisions," Assistant U.S. Attorney Maria Lopez said in her opening statement. || Maria Lopez | said | direct
S| Police said the developer, who has not been charged, was cooperating with investigators. || Police | said | indirect
S| Keller's lawyer declined to comment after the hearing.
S| Keller allegedly used a shell company to hide the payments.
S| Judge Ann Whitfield ordered the jury not to discuss the case with reporters.
S| The trial is expected to last three weeks, a court spokesperson said. || a court spokesperson | said | indirect
B footer| Copyright 2024 United Press International, Inc. All Rights Reserved.
"""

ARTICLES["c06"] = """
T| Arctic summers could be ice-free by 2030s, scientists say || scientists | say | indirect
B byline| By Emma Clarke, Science Editor
S| The Arctic could see its first ice-free summer as early as the 2030s, scientists said on Tuesday. || scientists | said | indirect
S| A study published in Nature Communications found that sea ice was melting faster than climate models had predicted. || A study | found | indirect
S| "It's too late to protect Arctic summer sea ice," said Professor Seung-Ki Min of Pohang University of Science and Technology. || Seung-Ki Min | said | direct
+S| "This has become evident." || <Seung-Ki Min | <said | direct
S| Min said emissions cuts could still limit the damage to other parts of the climate system. || Min | said | indirect
S| Environmental groups called for urgent action at the next UN climate summit.
S| Other researchers cautioned that the models still carry large uncertainties. || Other researchers | cautioned | indirect
S| Greenpeace said in a statement that the findings were "a wake-up call for governments". || Greenpeace | said | indirect
S| Some skeptics are said to dispute the methodology.
B caption| Photo: Sea ice near Svalbard, Norway. (Getty Images)
"""

ARTICLES["c07"] = """
T| Klopp says Liverpool job will be his last in England || Klopp | says | indirect
B dateline| LIVERPOOL, England (AP) -
+S| Jurgen Klopp said Friday that Liverpool would be his last club in England. || Jurgen Klopp | said | indirect
S| "I could not imagine managing another English team," the German told a news conference. || the German | told | direct
S| He also said he was "tired" and needed a break from coaching. || <the German | said | indirect
S| Xabi Alonso is the favourite to replace Klopp, two club sources said, according to ESPN. || two club sources | said | indirect
S| Alonso, who coaches Bayer Leverkusen, has said he is happy in Germany. || Alonso | said | indirect
S| Liverpool fans vowed to give Klopp "the send-off he deserves".
S| Klopp met the players on Friday morning to explain his decision.
S| The club declined to comment on the succession.
B share| Share on Facebook Share on X
"""

ARTICLES["c08"] = """
T| Apple to pay $490 million to settle lawsuit over China sales
B dateline| SAN FRANCISCO, July 15 (Reuters) -
+S| Apple has agreed to pay $490 million to settle a class action lawsuit accusing Chief Executive Tim Cook of defrauding shareholders by hiding falling demand for iPhones in China.
S| The preliminary settlement was disclosed in a filing on Friday in federal court in Oakland, California.
S| Shareholders led by a British pension fund alleged that Cook had misled investors during a November 2018 conference call. || Shareholders | alleged | indirect
S| Apple denied wrongdoing, a company spokeswoman said. || a company spokeswoman | said | indirect
S| In a statement, the company said it had agreed to the deal to avoid "lengthy and costly litigation". || the company | said | indirect
S| Cook told investors at the time: We are seeing pressure in some markets, but not in China. || Cook | told | direct
S| Judge Yvonne Gonzalez Rogers must still approve the settlement.
S| Lawyers for the shareholders declined to comment.
S| Apple shares were reportedly down 1% in early trading.
B credit| Reporting by Jonathan Stempel in New York; Editing by Chizu Nomiyama
"""

ARTICLES["c09"] = """
T| Russia says it repelled Ukrainian drone attack on Moscow || Russia | says | indirect
B dateline| KYIV, Ukraine (AP) -
+S| Russia's defense ministry said Sunday that its air defenses had shot down 11 Ukrainian drones over the Moscow region. || Russia's defense ministry | said | indirect
S| It said there were no casualties. || <Russia's defense ministry | said | indirect
S| Moscow Mayor Sergei Sobyanin wrote on Telegram that debris had damaged two residential buildings. || Sergei Sobyanin | wrote | indirect
S| The Interfax news agency quoted an airport official as saying flights at Vnukovo had been suspended for two hours. || an airport official | saying | indirect
S| Ukrainian officials did not immediately comment on the attack.
S| Separately, Ukraine's air force said Russia had launched 40 Shahed drones overnight, 35 of which were intercepted. || Ukraine's air force | said | indirect
S| President Volodymyr Zelenskyy urged allies to speed up deliveries of air defense systems.
S| "Every day of delay costs lives," he wrote on X. || <Volodymyr Zelenskyy | wrote | direct
S| The Kremlin has repeatedly denied targeting civilians. || Kremlin | denied | indirect
B read_also| Read more: What we know about Ukraine's long-range drone program
"""

ARTICLES["c10"] = """
T| Fed holds rates steady, signals one cut this year
B dateline| WASHINGTON (CNN) -
+S| The Federal Reserve held interest rates steady on Wednesday for the seventh straight meeting.
S| "Inflation has eased substantially, but it is still too high," Fed Chair Jerome Powell said at a press conference. || Jerome Powell | said | direct
S| Powell said policymakers needed "greater confidence" that inflation was moving toward the 2% target before cutting. || Powell | said | indirect
S| He declined to say when the first cut might come.
S| Senator Elizabeth Warren criticized the decision, saying high rates were hurting families. || Elizabeth Warren | saying | indirect
S| Goldman Sachs economists now expect the first cut in December, the bank said in a note to clients. || the bank | said | indirect
S| Markets are said to be pricing in two cuts.
S| The White House said the president respects the Fed's independence. || White House | said | indirect
S| Republican lawmakers called on the Fed to act faster.
B credit| CNN's Matt Egan contributed to this report.
"""

# c11 and c12 were written after the rules were frozen, as a blind check (their first scores are in the report).
ARTICLES["c11"] = """
T| Boeing CEO says company will 'fix' quality problems || Boeing CEO | says | indirect
B dateline| SEATTLE, Jan. 24 (Reuters) -
+S| Boeing Chief Executive Dave Calhoun told employees on Wednesday that the planemaker would take "full accountability" for a mid-air cabin panel blowout. || Dave Calhoun | told | indirect
S| "We caused the problem, and we understand that," Calhoun said during a town hall meeting at the company's 737 factory in Renton, Washington. || Calhoun | said | direct
+S| "We are going to fix it." || <Calhoun | <said | direct
S| The Federal Aviation Administration said it would not allow Boeing to expand production of the 737 MAX until it was satisfied with the company's quality controls. || Federal Aviation Administration | said | indirect
S| FAA Administrator Mike Whitaker met Calhoun in Washington on Tuesday.
S| Alaska Airlines, which operated the flight, said inspections of its MAX 9 fleet had found loose bolts on many aircraft. || Alaska Airlines | said | indirect
S| United Airlines CEO Scott Kirby said he was "disappointed" and that the carrier was considering alternatives to the MAX 10. || Scott Kirby | said | indirect
S| Several lawmakers urged the FAA to tighten its oversight of Boeing.
S| Boeing shares fell 2.3% on Wednesday.
B credit| (Reporting by Valerie Insinna; Editing by Chris Reese)
"""

ARTICLES["c12"] = """
T| Drought pushes Panama Canal to cut daily transits
S| The Panama Canal Authority said on Friday it would reduce the number of daily ship crossings to 24 from 32 because of a severe drought. || Panama Canal Authority | said | indirect
S| Water levels in Gatun Lake, which feeds the canal's locks, are at their lowest in decades, according to the authority's hydrology department. || the authority's hydrology department | according to | indirect
S| "This is not something we can solve overnight," the canal's administrator, Ricaurte Vasquez, told reporters. || Ricaurte Vasquez | told | direct
S| He said the restrictions could last until the rainy season begins in May. || <Ricaurte Vasquez | said | indirect
S| Shipping companies warned that the delays would raise freight costs for U.S. importers. || Shipping companies | warned | indirect
S| Maersk said in a customer advisory that it would send some vessels around South America instead. || Maersk | said | indirect
S| Panama's President Laurentino Cortizo has pledged to build a new reservoir on the Indio River.
S| Environmental groups have reportedly opposed the plan.
B share| Share this story
"""
