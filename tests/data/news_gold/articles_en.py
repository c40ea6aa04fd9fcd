# ruff: noqa: E501
"""English news gold articles (written for stancekit's tests; see make_gold.py for the format)."""

E01 = """
T| U.S. troops will stay in Iraq for now, top general says || top general | says | indirect
/B byline| By Lolita C. Baldor
/B byline| Associated Press
B dateline| WASHINGTON (AP) —
+S| The top U.S. commander for the Middle East said Thursday that the 2,500 American troops in Iraq will remain there for the foreseeable future. || The top U.S. commander for the Middle East | said | indirect
S| Marine Gen. Frank McKenzie told The Associated Press that even though U.S. forces will move to a noncombat role by Dec. 31, they will still provide air support and other military aid for the fight against Islamic State militants. || Frank McKenzie | told | indirect
S| “They really want all our forces to leave,” McKenzie said of the Iran-backed militias. || McKenzie | said | direct
+S| “Not all our forces are going to leave.” || McKenzie | said | direct
S| He said the overall U.S. presence will depend on future agreements with the Iraqi government. || McKenzie | said | indirect
B caption| Marine Gen. Frank McKenzie speaks at the Pentagon in Washington, Sept. 22, 2021. (AP Photo/Alex Brandon)
S| In July, Baghdad and Washington agreed to end the U.S. combat mission by the end of 2021.
+S| An unknown number of troops will remain to advise and train Iraqi forces.
S| McKenzie also expressed concern about Iran's development of cruise missiles, ballistic missiles and armed drones.
B footer| Copyright 2021 The Associated Press. All rights reserved.
"""

E02 = """
T| Utah man arrested after police chase ends in Provo crash
B dateline| PROVO, Utah, Dec. 23 (UPI) --
+S| A 34-year-old man was arrested early Thursday after leading police on a 20-mile chase that ended when his pickup truck crashed into a utility pole in downtown Provo, officials said. || officials | said | indirect
S| The chase began around 2:15 a.m. when a Utah Highway Patrol trooper tried to stop the truck for speeding on Interstate 15 near Lehi.
S| "He was going well over 100 mph at some points," Sgt. Nick Street of the Utah Highway Patrol told reporters. || Nick Street | told | direct
+S| "It's a miracle nobody else was hurt." || Nick Street | told | direct
S| The driver, whose name was not released, was taken to Utah Valley Hospital with minor injuries and then booked into the Utah County Jail.
+S| He faces charges including failure to stop at the command of police, reckless driving and driving under the influence.
S| About 1,200 customers lost power for nearly three hours, according to Rocky Mountain Power. || Rocky Mountain Power | according to | indirect
B footer| (Reporting by Jean Lotus; Editing by Susan Heavey)
"""

E03 = """
T| Fed holds rates steady, signals two cuts later this year
B byline| By Howard Schneider and Ann Saphir
B dateline| WASHINGTON, March 20 (Reuters) -
+S| The Federal Reserve held interest rates steady on Wednesday and policymakers stuck with their outlook for three cuts by the end of 2024, even as they raised their projections for economic growth.
S| The U.S. central bank kept its benchmark overnight rate in the 5.25%-5.50% range, where it has been since July.
S| "We believe that our policy rate is likely at its peak for this tightening cycle," Fed Chair Jerome Powell told a news conference. || Jerome Powell | told | direct
+S| "If the economy evolves broadly as expected, it will likely be appropriate to begin dialing back policy restraint at some point this year." || Jerome Powell | told | direct
S| New projections showed the median policymaker expects the economy to grow 2.1% this year, up from 1.4% projected in December. || New projections | showed | indirect
+S| Inflation is expected to end the year at 2.4%.
S| U.S. stocks rose after the decision, with the S&P 500 closing at a record high of 5,224.62.
B footer| Reporting by Howard Schneider; Editing by Andrea Ricci
"""

E04 = """
T| Wildfire forces thousands to evacuate in Southern California
B dateline| (CNN) —
+S| A fast-moving wildfire in the hills east of Los Angeles forced the evacuation of more than 4,000 homes on Monday as strong Santa Ana winds pushed the flames toward residential neighborhoods.
S| The Bridge Fire has burned more than 12,500 acres since it broke out on Sunday afternoon, according to the California Department of Forestry and Fire Protection. || California Department of Forestry and Fire Protection | according to | indirect
B caption| Firefighters battle the Bridge Fire near Wrightwood, Calif., on Monday. David Swanson/AFP/Getty Images
S| “This fire is zero percent contained and it is moving very fast,” Los Angeles County Fire Chief Anthony Marrone said at an evening briefing. || Anthony Marrone | said | direct
+S| “If you are told to leave, leave now.” || Anthony Marrone | said | direct
S| Gov. Gavin Newsom declared a state of emergency for Los Angeles and San Bernardino counties late Monday.
H| Air quality alerts
S| The South Coast Air Quality Management District issued a smoke advisory through Wednesday, warning that air quality could reach unhealthy levels across much of the region. || South Coast Air Quality Management District | warning | indirect
S| Residents were urged to keep windows closed and limit outdoor activities
B share| Sign up for CNN's Wonder Theory science newsletter.
B footer| CNN's Sarah Moon and Cheri Mossburg contributed to this report.
"""

E05 = """
T| Britain to ban disposable vapes from next year
B byline| By James Davey
/B timestamp| Updated 9:41 a.m. EST, Mon January 29, 2024
B dateline| LONDON, Jan 29 (Reuters) -
+S| Britain will ban disposable vapes from next year to stop children from taking up the habit, the government said on Monday, as part of a wider crackdown on smoking. || the government | said | indirect
S| Prime Minister Rishi Sunak said the number of children using vapes had tripled in the past three years. || Rishi Sunak | said | indirect
+S| "As any parent or teacher knows, one of the most worrying trends at the moment is the rise in vaping among children," he said. || Rishi Sunak | said | direct
S| The ban is expected to come into force at the end of 2024 or the start of 2025.
B read_also| Read more: UK smoking ban bill passes first vote in parliament
S| The UK Vaping Industry Association said a ban would lead to a "boom" in black-market sales. || UK Vaping Industry Association | said | indirect
+S| It estimates that about 5 million disposable vapes are thrown away each week in Britain. || UK Vaping Industry Association | estimates | indirect
B footer| (Reporting by James Davey; editing by Kate Holton)
"""

E06 = """
T| SpaceX launches 23 Starlink satellites from Florida
B byline| By Mike Wall
S| SpaceX launched 23 more of its Starlink internet satellites from Florida on Friday night (March 15).
S| A Falcon 9 rocket carrying the broadband spacecraft lifted off from Cape Canaveral Space Force Station at 8:21 p.m. EDT (0021 GMT on March 16).
+S| The rocket's first stage landed on the drone ship "A Shortfall of Gravitas" about 8.5 minutes after launch.
B caption| A SpaceX Falcon 9 rocket launches 23 Starlink satellites from Cape Canaveral on March 15, 2024. (Image credit: SpaceX)
S| It was the 13th flight for this particular booster, according to a SpaceX mission description. || a SpaceX mission description | according to | indirect
S| SpaceX has launched more than 5,700 Starlink satellites to date, and about 5,400 of them are currently operational, astrophysicist Jonathan McDowell said. || Jonathan McDowell | said | indirect
B read_also| Related: Starlink satellites: Facts, tracking and impact on astronomy
S| Friday's launch was SpaceX's 27th orbital mission of 2024
B share| Join our Space Forums to keep talking space on the latest missions, night sky and more!
"""

E07 = """
T| Japan's economy slips into recession, loses spot as world's third-largest
B dateline| TOKYO —
+S| Japan’s economy unexpectedly slipped into a recession in the final quarter of last year, government data showed on Thursday, and it lost its place as the world’s third-largest economy to Germany. || government data | showed | indirect
S| Gross domestic product shrank at an annualized rate of 0.4% in October-December after a 3.3% contraction in the previous quarter.
+S| Economists had expected growth of 1.4%.
S| "The weakness in consumption is particularly worrying," said Takeshi Minami, chief economist at Norinchukin Research Institute. || Takeshi Minami | said | direct
+S| "It suggests that wage increases are not keeping up with inflation... households are cutting back." || Takeshi Minami | said | direct
S| Economy Minister Yoshitaka Shindo said the government would do its utmost to achieve wage growth that outpaces inflation. || Yoshitaka Shindo | said | indirect
S| Germany's nominal GDP was $4.46 trillion last year, compared with Japan's $4.21 trillion.
B byline| Reporting by Satoshi Sugiyama and Tetsushi Kajimoto
B footer| Our Standards: The Thomson Reuters Trust Principles.
"""

E08 = """
T| Senate passes stopgap bill, averting government shutdown
B byline| By Lisa Mascaro and Mary Clare Jalonick
/B byline| The Associated Press
B dateline| WASHINGTON —
+S| The Senate passed a temporary spending bill late Thursday that would keep the federal government running into early March, sending the measure to President Joe Biden just hours before a midnight deadline.
S| The vote was 77-18.
+S| The House approved the bill earlier in the day.
S| Senate Majority Leader Chuck Schumer, D-N.Y., said the bill "gives us more time to finish the job of funding the government." || Chuck Schumer | said | indirect
S| But Sen. Rand Paul, R-Ky., criticized the measure,⏎saying Congress was "addicted to spending." || Rand Paul | saying | indirect
B caption| Senate Majority Leader Chuck Schumer of N.Y., speaks to reporters at the Capitol in Washington, Thursday, Jan. 18, 2024. (AP Photo/J. Scott Applewhite)
S| It is the third stopgap bill Congress has passed since the fiscal year began Oct. 1.
B footer| Associated Press writer Kevin Freking contributed to this report.
"""

E09 = """
T| Gunman kills 5 at Texas shopping center, police say || police | say | indirect
/B timestamp| Published 6:12 p.m. CT Saturday, May 6, 2023
B dateline| ALLEN, Texas (AP) —
+S| A gunman opened fire at a crowded Dallas-area shopping mall on Saturday, killing at least five people and wounding several others before he was killed by a police officer, authorities said. || authorities | said | indirect
S| Allen Police Chief Brian Harvey said the officer was already at the mall on an unrelated call when he heard gunshots at about 3:30 p.m. || Brian Harvey | said | indirect
+S| The officer "engaged the suspect, neutralizing the threat," Harvey said. || Harvey | said | indirect
S| Video posted on social media showed shoppers running through a parking lot as gunshots rang out.
B caption| Photo: Police respond to the Allen Premium Outlets in Allen, Texas. LM Otero/AP
S| Texas Gov. Greg Abbott called the shooting an "unspeakable tragedy."
S| "The Allen community is hurting," Mayor Ken Fulk said in a statement. || Ken Fulk | said | direct
+S| "We will get through this together." || Ken Fulk | said | direct
B read_also| READ MORE: What we know about the Allen mall shooting
"""

E10 = """
T| Amazon to cut 9,000 more jobs
B label| Editor's note: This story has been updated with comment from Amazon.
B byline| By Annie Palmer
S| Amazon will cut an additional 9,000 jobs in the coming weeks, CEO Andy Jassy said in a memo to staff on Monday, bringing the total number of layoffs since late last year to roughly 27,000. || Andy Jassy | said | indirect
S| The cuts will mainly affect Amazon Web Services, advertising and the Twitch live-streaming unit.
S| "This was a difficult decision, but one that we think is best for the company long term," Jassy wrote. || Jassy | wrote | direct
S| Shares of Amazon fell 1.5% in premarket trading.
+S| The stock is up about 17% this year.
S| An Amazon spokesperson declined to comment beyond the memo.
B footer| © 2023 CNBC LLC. All Rights Reserved.
"""

ARTICLES = {"s01": E01, "s02": E02, "s03": E03, "s04": E04, "s05": E05, "s06": E06, "s07": E07, "s08": E08,
            "s09": E09, "s10": E10}
