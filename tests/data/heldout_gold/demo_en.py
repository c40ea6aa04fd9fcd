# ruff: noqa: E501
"""Held-out gold for the English demo articles (keys are the JSONL ids; format in make_heldout_gold.py)."""

ARTICLES: dict[str, str] = {}

ARTICLES["gulfwire-2021-10-12-observers-defend-vote"] = """
T| Observers defend Iraq vote as Iran-aligned factions allege fraud || Iran-aligned factions | allege | indirect
B byline| By Omar Haddad and Sara Nouri
B dateline| BAGHDAD (GWS) -
+S| International observers and Iraq's election commission on Tuesday defended the conduct of Sunday's parliamentary election, after Iran-aligned factions that suffered heavy losses said the results had been manipulated. || Iran-aligned factions | said | indirect
S| The European Union's observation mission said in a preliminary statement that the vote had been calm and technically well managed, though turnout was low. || The European Union's observation mission | said | indirect
S| "There was no fraud. || >Salma al-Janabi | >told | direct
+S| The electronic results matched the manual count in every station we audited," commission spokeswoman Salma al-Janabi told reporters in Baghdad. || Salma al-Janabi | told | direct
S| Preliminary results showed the movement of Shi'ite cleric Moqtada al-Sadr winning the largest number of seats, while the Fatah alliance, which is linked to the Popular Mobilisation Forces, saw its tally fall sharply.
S| "These results are fabricated, and we will challenge them by every legal means," Hassan al-Rubaie, a senior figure in the Coordination Framework of Shi'ite parties, said in a statement. || Hassan al-Rubaie | said | direct
S| He said the framework had documented tampering with counting machines in several provinces, but did not provide evidence. || <Hassan al-Rubaie | said | indirect
S| Turnout was 41%, the lowest in any national election since 2005, according to the commission. || the commission | according to | indirect
S| The commission said it would review all formal complaints before sending the final results to the Federal Supreme Court for ratification. || The commission | said | indirect
B footer| (Reporting by Omar Haddad and Sara Nouri; Editing by Mark Ellison)
"""

ARTICLES["tigris-2021-11-08-pm-drone-attack"] = """
T| Iraqi PM survives drone attack on Baghdad home
B byline| By Layla Hassan
B caption| Damage at the prime minister's residence in Baghdad's Green Zone. (Tigris Tribune/Handout)
B dateline| BAGHDAD —
+S| Iraqi Prime Minister Mustafa al-Kadhimi escaped unharmed early on Sunday after an explosives-laden drone struck his residence in Baghdad's heavily fortified Green Zone, security officials said. || security officials | said | indirect
S| Three drones were launched at the residence, according to a statement from the Joint Operations Command. || Joint Operations Command | according to | indirect
+S| Security forces shot down two of them, while the third hit the building and wounded several members of the prime minister's guard.
S| No group has claimed responsibility for the attack.
S| It came two days after protests by supporters of parties that lost seats in last month's parliamentary election turned violent near the Green Zone.
+S| Protest leaders accuse the electoral commission of rigging the Oct. 10 vote. || Protest leaders | accuse | indirect
S| "The results were cooked, and everyone in Baghdad knows it," Abbas al-Shammari, one of the organisers of the sit-in, told the Tigris Tribune on Saturday. || Abbas al-Shammari | told | direct
S| The commission has rejected the accusations and says a partial manual recount confirmed its figures. || The commission | rejected | indirect
S| Security analyst Hana Karim of the Mesopotamia Policy Institute said the use of drones marked a dangerous shift. || Hana Karim | said | indirect
+S| "Cheap drones, many of them built from Iranian designs and parts, have become the weapon of choice for armed groups in Iraq, and they now threaten every capital in the region," she said. || <Hana Karim | said | direct
S| She added that Iraq's air defences were designed to stop aircraft and rockets, not small, low-flying drones. || <Hana Karim | added | indirect
S| Kadhimi appeared in a video hours after the attack and called for calm and restraint.
B read_also| Read more: Iraq's election commission begins manual recount of disputed ballots
"""

ARTICLES["meridian-2021-11-25-election-fraud-analysis"] = """
T| Analysis: Why Iraq's election losers are crying fraud, and why it matters || Iraq's election losers | crying | indirect
B byline| By Rachel Stone
B dateline| (Meridian Post) —
+S| Six weeks after Iraq's parliamentary election, the parties that fared worst are still refusing to accept the results, and the standoff is shaping the talks over who will form the next government.
S| The Iran-aligned Fatah alliance, whose seat count fell sharply, says the vote was rigged through tampering with electronic counting machines. || Fatah alliance | says | indirect
+S| Election officials and international observers say they have found no evidence of that. || Election officials and international observers | say | indirect
S| "Fraud allegations after an Iraqi election are almost a ritual," said Elliot Marsh, a senior fellow at the Halden Institute for Middle East Policy. || Elliot Marsh | said | direct
+S| "What's different this time is that the losers have guns, and the winners do too." || <Elliot Marsh | <said | direct
S| Marsh said the dispute was less about ballots than about the share of ministries each bloc would control. || Marsh | said | indirect
S| Others are more cautious.
+S| "You cannot dismiss every complaint," said Zainab Jawad, who monitored the vote for an Iraqi civil society network. || Zainab Jawad | said | direct
+S| "There were real problems with the voter cards and with the transmission of results, even if they do not add up to fraud." || <Zainab Jawad | <said | direct
S| Turnout, at 41%, was the lowest of any national election since 2005.
S| The Federal Supreme Court must ratify the final results before the new parliament can convene.
B share| Share this article: Facebook | Twitter | Email
"""

_TROOPS_BODY = """
+S| The U.S.-led coalition against Islamic State has completed the transition of its forces in Iraq to a non-combat role, Iraqi officials said on Thursday, but about 2,500 American troops will remain in the country to advise and assist Iraqi forces. || Iraqi officials | said | indirect
S| "The combat mission is over, but our partnership is not," Maj. Gen. Daniel Whitcomb, who commands the coalition's advisory mission, told reporters in Baghdad. || Daniel Whitcomb | told | direct
+S| "American forces will stay in Iraq at the invitation of the Iraqi government for as long as that invitation stands." || <Daniel Whitcomb | <told | direct
S| He added that coalition aircraft would continue to support Iraqi ground operations against Islamic State cells in the north and west of the country. || <Daniel Whitcomb | added | indirect
S| A senior Iraqi military official, who asked not to be named because he was not authorised to speak to the media, said the number of foreign troops would not change significantly before the end of the year. || A senior Iraqi military official | said | indirect
S| Armed factions aligned with Iran have demanded that all U.S. forces leave by Dec. 31, the deadline set in a July agreement between Baghdad and Washington.
S| "Whoever stays after that date will be treated as an occupier," Hussein Mutlaq, a spokesman for the Kataib Dir' al-Iraq faction, said in a statement. || Hussein Mutlaq | said | direct
S| Islamic State was declared defeated in Iraq in 2017, but its fighters still carry out sporadic attacks on security forces and civilians.
S| The coalition handed over several bases to Iraqi forces last year, including Taji and Qayyara.
"""

ARTICLES["gulfwire-2021-12-09-us-troops-stay"] = """
T| U.S. troops to stay in Iraq as coalition ends combat role, officials say || officials | say | indirect
B byline| By Omar Haddad
B dateline| BAGHDAD (GWS) -
""" + _TROOPS_BODY + """
B footer| (Reporting by Omar Haddad; Editing by Mark Ellison)
"""

ARTICLES["tigris-2021-12-10-us-forces-remain"] = """
T| U.S. troops to stay in Iraq after coalition ends combat role
B byline| Gulf Wire Service
B caption| Ain al-Asad air base in Anbar province. (Tigris Tribune file photo)
B dateline| BAGHDAD (GWS) -
""" + _TROOPS_BODY + """
B share| Share this story: Facebook | Twitter | Email
"""

ARTICLES["meridian-2022-01-04-end-of-combat-analysis"] = """
T| Analysis: Iraq's 'end of combat' leaves U.S. troops in place, and the big questions open
B byline| By Rachel Stone
B caption| U.S. soldiers during a handover ceremony at an Iraqi base in 2020. (Meridian Post/File)
B dateline| (Meridian Post) —
+S| When the clock struck midnight on Dec. 31, the U.S.-led coalition's combat mission in Iraq formally ended.
+S| On the ground, very little changed.
S| About 2,500 American troops remain in the country, according to U.S. officials, now described as advisers rather than combat forces. || U.S. officials | according to | indirect
+S| Whether they will still be there a year from now is far from settled.
S| "The relabelling gives the Iraqi government political cover, but it doesn't answer the basic question of how long the Americans stay," said Elliot Marsh of the Halden Institute for Middle East Policy. || Elliot Marsh | said | direct
S| He said the answer would depend largely on the shape of the next Iraqi government, which is still being negotiated nearly three months after the election. || <Elliot Marsh | said | indirect
S| Iran-aligned factions insist the troops must leave and have stepped up drone and rocket attacks on bases that host U.S. personnel. || Iran-aligned factions | insist | indirect
+S| U.S. commanders, for their part, say the fight against Islamic State is not finished. || U.S. commanders | say | indirect
B read_also| Read more: Analysis: Why Iraq's election losers are crying fraud, and why it matters
S| The troop question is not the only one hanging over the new government.
+S| Officials at Iraq's electricity ministry have warned that the country faces a severe power shortfall next summer as gas supplies from Iran decline, a problem that has set off deadly protests in past years. || Officials at Iraq's electricity ministry | warned | indirect
B share| Share this article: Facebook | Twitter | Email
"""

ARTICLES["gulfwire-2022-01-05-drones-ain-al-asad"] = """
T| Drones downed near Iraqi base hosting U.S. troops as factions vow to drive them out
B byline| By Omar Haddad
B dateline| BAGHDAD (GWS) -
+S| Two explosive-laden drones were shot down on Tuesday as they approached Ain al-Asad air base in western Iraq, which hosts U.S. troops, a coalition official said, the second such attack in two days. || a coalition official | said | indirect
S| On Monday, the coalition said it had downed two drones near Baghdad airport, one of them bearing the words "Soleimani's revenge". || the coalition | said | indirect
S| The attacks coincided with the second anniversary of the killing of Iranian commander Qassem Soleimani and Iraqi militia leader Abu Mahdi al-Muhandis in a U.S. drone strike at Baghdad airport.
S| No group claimed responsibility, but Iran-aligned armed factions have repeatedly vowed to force U.S. troops out of Iraq.
S| "The Americans claim their combat troops have gone, but they are still here, and they will leave, by choice or by force," Hussein Mutlaq, a spokesman for the Kataib Dir' al-Iraq faction, told Gulf Wire by phone. || Hussein Mutlaq | told | direct
S| He denied that his group had launched the drones. || <Hussein Mutlaq | denied | indirect
S| A coalition spokesman said the attacks "endanger Iraqi lives" and that its advisers would continue their work "at the request of the government of Iraq". || A coalition spokesman | said | indirect
S| U.S. officials have accused Iran of supplying such factions with drones and the know-how to build them, a charge Tehran denies. || U.S. officials | accused | indirect
B footer| (Reporting by Omar Haddad; Additional reporting by Sara Nouri in Erbil; Editing by Mark Ellison)
"""

ARTICLES["gulfwire-2022-01-18-abu-dhabi-attack"] = """
T| UAE official: Houthi drone attack shows Iranian-designed weapons threaten the Gulf || UAE official | : | indirect
B dateline| DUBAI (GWS) -
+S| A drone and missile attack claimed by Yemen's Houthi movement killed three people in Abu Dhabi on Monday, and an Emirati official said the strike showed that Iranian-designed weapons now pose a direct threat to the whole Gulf. || an Emirati official | said | indirect
S| The attack set off explosions in three fuel tankers near a storage facility of state oil company ADNOC and caused a fire at a construction site at Abu Dhabi International Airport, police said. || police | said | indirect
+S| Two Indian nationals and a Pakistani were killed, and six people were wounded.
S| "These drones were designed in Iran and assembled in Yemen, and they can reach any city in the region," a senior Emirati official told Gulf Wire, speaking on condition of anonymity. || a senior Emirati official | told | direct
S| The official added that the UAE reserved the right to respond. || The official | added | indirect
S| The Houthis, who have fought a Saudi-led coalition that includes the UAE since 2015, said they had used ballistic missiles and "a large number" of drones. || Houthis | said | indirect
S| Iran's foreign ministry has rejected accusations that it arms the Houthis, saying it offers the group only political support. || Iran's foreign ministry | rejected | indirect
S| Western governments say Iran's drone program has expanded rapidly over the past decade and that Iranian designs have turned up in conflicts from Yemen to Iraq. || Western governments | say | indirect
B footer| (Reporting by Gulf Wire staff in Dubai; Editing by Mark Ellison)
"""

ARTICLES["meridian-2022-02-15-iran-drones-analysis"] = """
T| Analysis: How much of a threat is Iran's drone arsenal?
B byline| By Daniel Okafor
B dateline| (Meridian Post) —
+S| Iran's drones have gone from a curiosity to a central concern for militaries across the Middle East in just a few years.
S| U.S. and Gulf officials describe the program as one of the most serious security threats in the region, pointing to the 2019 attack on Saudi oil facilities and last month's strike on Abu Dhabi. || U.S. and Gulf officials | describe | indirect
S| "Iran has found a cheap way to project power far beyond its borders," said Miriam Feld, a former Pentagon analyst who now studies unmanned systems at the Halden Institute. || Miriam Feld | said | direct
+S| "Its drones are not sophisticated, but they don't need to be." || <Miriam Feld | <said | direct
S| Iranian officials reject that portrayal. || Iranian officials | reject | indirect
+S| Tehran says its drones are purely defensive and that the real threat to the region comes from Western arms sales and American bases. || Tehran | says | indirect
S| Some analysts also caution against overstating the danger.
+S| "Most of these drones can be shot down by existing air defences, and many are," said Karim Nassar, a defence analyst based in Beirut. || Karim Nassar | said | direct
+S| "The threat is real but manageable." || <Karim Nassar | <said | direct
S| He added that the bigger risk lay in the spread of the technology to armed groups that are harder to deter than states. || <Karim Nassar | added | indirect
S| Gulf states have responded by buying air-defence systems and testing new tools, including lasers and electronic jammers, to stop small drones.
B read_also| Read more: UAE official: Houthi drone attack shows Iranian-designed weapons threaten the Gulf
B share| Share this article: Facebook | Twitter | Email
"""

ARTICLES["tigris-2022-03-02-summer-blackouts"] = """
T| Iraq braces for summer blackouts as Iranian gas supplies dwindle
B byline| By Layla Hassan
B dateline| BAGHDAD —
+S| Iraq will face a severe electricity shortfall this summer unless Iranian gas supplies recover, officials at the Ministry of Electricity warned on Tuesday, raising the prospect of another season of blackouts and street protests. || officials at the Ministry of Electricity | warned | indirect
S| "We expect the gap between supply and demand to exceed 10,000 megawatts at peak," ministry spokesman Majid al-Hasnawi told the Tigris Tribune. || Majid al-Hasnawi | told | direct
S| He said Iran was currently delivering less than half of the gas volumes set out in its contract with Baghdad. || <Majid al-Hasnawi | said | indirect
S| Tehran says Iraq owes it billions of dollars for past deliveries, money held in Iraqi banks because of U.S. sanctions on Iran. || Tehran | says | indirect
S| Iraq burns off much of the gas produced alongside its crude oil because it lacks the plants to capture it.
+S| Energy experts say the problem could be fixed within a few years with enough investment. || Energy experts | say | indirect
S| "Every summer we hear the same promises," said Umm Ali, a schoolteacher in Baghdad's Shaab district who relies on a neighbourhood generator for up to 12 hours a day. || Umm Ali | said | direct
+S| "Nothing changes." || <Umm Ali | <said | direct
B read_also| Read more: Basra residents fear a repeat of last summer's power protests
"""
