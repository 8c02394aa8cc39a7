"""The front page and the page about Sakråd in the five national minority languages, as translations
of the Swedish ones (`site.HOME`, `site.ABOUT`): what a sakråd is and how to take part, said short and
plain, and that the rest of the site is in Swedish and English. Written for the demo from the same
facts as the Swedish page; a real site has them checked by native speakers (docs/languages.md).
"""

from ..streams import bullets, heading, paragraph

# language code: {"home": fields of the front page's translation, "about": fields of the about page's}
TRANSLATIONS = {
    "fi": {
        "home": {
            "slug": "sakrad-fi",
            "title": "Sakråd suomeksi",
            "introduction": (
                "<p>Sakråd on ministeriön ja kansalaisyhteiskunnan järjestöjen yhteinen kokous. "
                "Tällä sivulla kerromme suomeksi, mikä sakråd on ja miten siihen voi osallistua. "
                "Sivuston muu sisältö on ruotsiksi ja englanniksi.</p>"
            ),
        },
        "about": {
            "slug": "mika-on-sakrad",
            "title": "Mikä on sakråd?",
            "introduction": (
                "Sakråd on kokous, jossa ministeriö kuulee kansalaisyhteiskunnan järjestöjä. Tämä sivu "
                "on suomeksi; sivuston muu sisältö on ruotsiksi ja englanniksi."
            ),
            "body": [
                heading("Mikä on sakråd?"),
                paragraph(
                    "<p>Ministeriön yksikkö kutsuu noin 30 järjestöä keskustelemaan yhdestä aiheesta. "
                    "Järjestöt kertovat, mitä ne tietävät omasta työstään, ja ministeriö saa tietoa "
                    "tulevia päätöksiä varten.</p>"
                ),
                heading("Näin se toimii"),
                bullets(
                    [
                        "Kokoukset suunnitellaan vuodeksi kerrallaan yhdessä järjestöjen ja Ruotsin "
                        "kuntien ja alueiden liiton (SKR) kanssa.",
                        "Järjestöjen edustajista koottu työryhmä valmistelee keskustelukysymykset.",
                        "Kutsutut järjestöt vastaavat kutsuun ja ilmoittavat edustajansa.",
                        "Kokouksessa keskustellaan pienissä ryhmissä, ja jokainen ryhmä vie tärkeimmät "
                        "viestinsä yhteiseen istuntoon.",
                        "Ministeriö julkaisee muistiinpanot, joissa ketään ei mainita nimeltä.",
                    ]
                ),
                heading("Miten voin osallistua?"),
                paragraph(
                    "<p>Järjestöt osallistuvat kutsusta. Kuka tahansa voi seurata tulevia kokouksia, "
                    "lukea julkaistut muistiinpanot ja joskus kertoa oman näkemyksensä lomakkeella "
                    "ilman käyttäjätiliä. Lomakkeet ja muu sivusto ovat ruotsiksi ja englanniksi.</p>"
                ),
            ],
        },
    },
    "fit": {
        "home": {
            "slug": "sakrad-fit",
            "title": "Sakråd meänkielelä",
            "introduction": (
                "<p>Sakråd oon departementin ja siviiliyhtheiskunnan organisasuunitten yhtheinen "
                "kokous. Tälä sivula met kerromma meänkielelä, mikä sakråd oon ja kuinka siihen "
                "pääsee mukhaan. Muu nettisivu oon ruottiksi ja engelskaksi.</p>"
            ),
        },
        "about": {
            "slug": "mika-sakrad-oon",
            "title": "Mikä sakråd oon?",
            "introduction": (
                "Sakråd oon kokous, missä departementti kuuntelee organisasuunitten ajatuksia. Tämä "
                "sivu oon meänkielelä; muu nettisivu oon ruottiksi ja engelskaksi."
            ),
            "body": [
                heading("Mikä sakråd oon?"),
                paragraph(
                    "<p>Departementin yksikkö kuttuu noin 30 organisasuunia puhumhaan yhestä asiasta. "
                    "Organisasuunit kertovat mitä net tietävät omasta työstä, ja departementti saapi "
                    "tietoa tulevia päätöksiä varten.</p>"
                ),
                heading("Näin se menee"),
                bullets(
                    [
                        "Kokoukset planeerathaan vuoeksi kerrala yhessä organisasuunitten ja SKR:n kans.",
                        "Työryhmä, missä oon organisasuunitten eustajia, valmistelee kysymykset.",
                        "Kututut organisasuunit vastaavat ja ilmoittavat kuka tullee.",
                        "Kokouksessa puhutaan pienissä ryhmissä, ja jokainen ryhmä vie tärkeimmät "
                        "ajatukset yhtheisheen kokouksheen.",
                        "Departementti julkasee muistiinpanot, mutta ei kenenkhään nimiä.",
                    ]
                ),
                heading("Kuinka mie pääsen mukhaan?"),
                paragraph(
                    "<p>Organisasuunit tulevat mukhaan ko net kututhaan. Kaikin saattavat seurata "
                    "tulevia kokouksia, lukea muistiinpanot ja joskus antaa oman ajatuksen lomakkeela. "
                    "Lomakkeet ja muu nettisivu oon ruottiksi ja engelskaksi.</p>"
                ),
            ],
        },
    },
    "se": {
        "home": {
            "slug": "sakrad-se",
            "title": "Sakråd davvisámegillii",
            "introduction": (
                "<p>Sakråd lea čoahkkin gos departemeanta ja siviilaservodaga organisašuvnnat "
                "ságastallet. Dán siiddus mii čilget davvisámegillii mii sakråd lea ja movt sáhttá "
                "searvat. Eará sisdoallu neahttabáikkis lea ruoŧagillii ja eaŋgalasgillii.</p>"
            ),
        },
        "about": {
            "slug": "mii-lea-sakrad",
            "title": "Mii lea sakråd?",
            "introduction": (
                "Sakråd lea čoahkkin gos departemeanta gullá organisašuvnnaid oaiviliid. Dát siidu "
                "lea davvisámegillii; eará neahttabáiki lea ruoŧagillii ja eaŋgalasgillii."
            ),
            "body": [
                heading("Mii lea sakråd?"),
                paragraph(
                    "<p>Departemeantta ossodat bovde sullii 30 organisašuvnna ságastallat ovtta fáttá "
                    "birra. Organisašuvnnat juogadit máhtu iežaset barggus, ja departemeanta oažžu "
                    "dieđuid boahtte mearrádusaid várás.</p>"
                ),
                heading("Nu dat doaibmá"),
                bullets(
                    [
                        "Čoahkkimat plánejuvvojit jagi áigge ovttas organisašuvnnaiguin ja SKR:in.",
                        "Bargojoavku organisašuvnnaid ovddasteddjiiguin ráhkada gažaldagaid.",
                        "Bovdejuvvon organisašuvnnat vástidit ja dieđihit geat bohtet.",
                        "Čoahkkimis ságastallet unna joavkkuin, ja juohke joavku buktá deaŧaleamos "
                        "oaiviliiddis oktasaš čoahkkimii.",
                        "Departemeanta almmuha čoahkkinnotáhtaid, muhto ii namut ovttage.",
                    ]
                ),
                heading("Movt sáhtán searvat?"),
                paragraph(
                    "<p>Organisašuvnnat servet go sii bovdejuvvojit. Buohkat sáhttet čuovvut boahtte "
                    "čoahkkimiid, lohkat notáhtaid ja muhtumin sáddet iežaset oaivila skovi bokte. "
                    "Skovit ja eará neahttabáiki leat ruoŧagillii ja eaŋgalasgillii.</p>"
                ),
            ],
        },
    },
    "rom": {
        "home": {
            "slug": "sakrad-rom",
            "title": "Sakråd pe romani čhib",
            "introduction": (
                "<p>O sakråd si jekh khidipe maškar o departamento thaj le organizacie katar o civilo "
                "khetanipe. Akate vakeras pe romani čhib so si o sakråd thaj sar šaj te les kotor. "
                "O aver web-than si pe švedikani thaj pe anglikani čhib.</p>"
            ),
        },
        "about": {
            "slug": "so-si-o-sakrad",
            "title": "So si o sakråd?",
            "introduction": (
                "O sakråd si jekh khidipe kaj o departamento ašunel le organizacien. Kado rig si pe "
                "romani čhib; o aver web-than si pe švedikani thaj pe anglikani čhib."
            ),
            "body": [
                heading("So si o sakråd?"),
                paragraph(
                    "<p>Jekh kotor katar o departamento akharel pašes 30 organizacie te vorbin pa jekh "
                    "tema. Le organizacie phenen so džanen katar pengi buti, thaj o departamento lel "
                    "džanglimata anglal le decizie.</p>"
                ),
                heading("Sar kerel pe"),
                bullets(
                    [
                        "Le khidimata planuin pe pe jekh berš, khetane le organizaciencar thaj le SKR-osa.",
                        "Jekh grupa le organizaciengi kerel le pučimata.",
                        "Le akharde organizacie den anglal thaj phenen kon avel.",
                        "Pe khidipe vorbin ande cikne grupe, thaj svako grupa anel pengo maj baro gindo "
                        "ko baro khidipe.",
                        "O departamento publikuil le notacie, bi te del anava.",
                    ]
                ),
                heading("Sar šaj te lav kotor?"),
                paragraph(
                    "<p>Le organizacie aven kana si akharde. Svako šaj te dikhel le khidimata kaj aven, "
                    "te ginavel le notacie thaj varekana te bičhavel pesko gindo pe jekh formularo. "
                    "Le formularia thaj o aver web-than si pe švedikani thaj pe anglikani čhib.</p>"
                ),
            ],
        },
    },
    "yi": {
        "home": {
            "slug": "sakrad-yi",
            "title": "Sakråd אויף ייִדיש",
            "introduction": (
                "<p>אַ sakråd איז אַ זיצונג צווישן דעם מיניסטעריום און די אָרגאַניזאַציעס פֿון דער "
                "ציווילער געזעלשאַפֿט. דאָ דערקלערן מיר אויף ייִדיש וואָס אַ sakråd איז און ווי אַזוי "
                "מע קען זיך באַטייליקן. דער רעשט פֿונעם וועבזייטל איז אויף שוועדיש און ענגליש.</p>"
            ),
        },
        "about": {
            "slug": "vos-iz-a-sakrad",
            "title": "וואָס איז אַ sakråd?",
            "introduction": (
                "אַ sakråd איז אַ זיצונג וווּ דער מיניסטעריום הערט זיך צו צו די אָרגאַניזאַציעס. די "
                "דאָזיקע זייט איז אויף ייִדיש; דער רעשט פֿונעם וועבזייטל איז אויף שוועדיש און ענגליש."
            ),
            "body": [
                heading("וואָס איז אַ sakråd?"),
                paragraph(
                    "<p>אַן אָפּטייל פֿונעם מיניסטעריום לאַדט איין אַרום 30 אָרגאַניזאַציעס צו רעדן "
                    "וועגן איין טעמע. די אָרגאַניזאַציעס דערציילן וואָס זיי ווייסן פֿון זייער אייגענער "
                    "אַרבעט, און דער מיניסטעריום באַקומט וויסן פֿאַר קומענדיקע באַשלוסן.</p>"
                ),
                heading("אַזוי אַרבעט עס"),
                bullets(
                    [
                        "די זיצונגען ווערן פּלאַנירט אויף אַ יאָר, צוזאַמען מיט די אָרגאַניזאַציעס און SKR.",
                        "אַן אַרבעטס־גרופּע פֿון די אָרגאַניזאַציעס גרייט צו די פֿראַגעס.",
                        "די איינגעלאַדענע אָרגאַניזאַציעס ענטפֿערן און מעלדן ווער עס קומט.",
                        "ביי דער זיצונג רעדט מען אין קליינע גרופּעס, און יעדע גרופּע ברענגט אירע "
                        "וויכטיקסטע געדאַנקען צו דער גאַנצער זיצונג.",
                        "דער מיניסטעריום פֿאַרעפֿנטלעכט נאָטיצן, אָן צו נענען ווער האָט וואָס געזאָגט.",
                    ]
                ),
                heading("ווי אַזוי קען איך זיך באַטייליקן?"),
                paragraph(
                    "<p>אָרגאַניזאַציעס קומען ווען זיי ווערן איינגעלאַדן. יעדער קען נאָכפֿאָלגן די "
                    "קומענדיקע זיצונגען, לייענען די נאָטיצן, און אַמאָל שיקן זײַן מיינונג דורך אַ "
                    "פֿאָרמולאַר. די פֿאָרמולאַרן און דער רעשט פֿונעם וועבזייטל זענען אויף שוועדיש "
                    "און ענגליש.</p>"
                ),
            ],
        },
    },
}
