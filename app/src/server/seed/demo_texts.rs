//! Demonstration petitions in Kazakh, Russian and English: what citizens of Kazakhstan's
//! regions ask their akimats for. Used only by the demo data (`server demo`), never by
//! production.

/// One petition's words in one language.
pub struct Words {
    /// Title (at most 120 characters).
    pub title: &'static str,
    /// Summary (one or two sentences, at most 400 characters).
    pub summary: &'static str,
    /// Full text: two or three paragraphs separated by a blank line ("\n\n"), 400–1200 characters.
    pub text: &'static str,
}

/// A demonstration petition: its topic and its words in each language.
pub struct Theme {
    /// The topic's stored name.
    pub topic: &'static str,
    /// Kazakh.
    pub kk: Words,
    /// Russian.
    pub ru: Words,
    /// English.
    pub en: Words,
}

/// The themes.
pub const THEMES: [Theme; 18] = [
    // 1. roads: a pothole-ridden street.
    Theme {
        topic: "roads",
        kk: Words {
            title: "Қарағандыдағы Майқұдық ауданындағы Вокзал көшесінің бұзылған жолын жөндеу",
            summary: "Қарағанды қаласының әкімдігінен Майқұдықтағы Вокзал көшесін биылғы жол жөндеу жоспарына енгізуді сұраймыз: асфальт көп жылдан бері бұзылған, шұңқырлар көліктерді бүлдіреді және жаяу жүргіншілерге қауіп төндіреді.",
            text: "Майқұдықтағы Вокзал көшесінің ұзындығы шамамен бір жарым шақырым, ол бірнеше тұрғын кварталды автобекетпен, мектеппен және емханамен байланыстырады. Мұнда асфальт соңғы рет он бес жылдан астам бұрын төселген. Қазір жол терең шұңқырларға толы: әр жаңбырдан кейін оларға су толады, ал қыста мұзға айналады. Жүргізушілер оларды қарсы жолақпен айналып өтеді, ал тротуар да бұзылғандықтан жаяу жүргіншілер жүру бөлігімен жүруге мәжбүр.\n\nТұрғындар бұл мәселе туралы қалалық қызметке бірнеше рет хабарлаған, бірақ шұңқырларды тек суық асфальтпен толтырады, ол бірнеше аптада шайылып кетеді.\n\nҚарағанды қаласының әкімдігінен Вокзал көшесін алдағы маусымдағы күрделі жөндеу жоспарына енгізуді, екі жағындағы тротуарларды қалпына келтіруді және жаңа жабынды су қайтадан бұзбауы үшін дұрыс су бұру жүйесін жасауды сұраймыз.",
        },
        ru: Words {
            title: "Отремонтировать разбитую дорогу на улице Вокзальной в Майкудуке (Караганда)",
            summary: "Просим акимат Караганды включить улицу Вокзальную в Майкудуке в план ремонта дорог на этот год: асфальт разрушен уже много лет, ямы повреждают машины и делают улицу опасной для пешеходов.",
            text: "Улица Вокзальная в Майкудуке длиной около полутора километров соединяет несколько жилых кварталов с автостанцией, школой и поликлиникой. Асфальт здесь последний раз укладывали больше пятнадцати лет назад. Сейчас дорога покрыта глубокими ямами, которые после каждого дождя заполняются водой, а зимой превращаются в лёд. Водители объезжают их по встречной полосе, а пешеходы идут по проезжей части, потому что тротуар тоже разбит.\n\nЖители не раз сообщали о проблеме через городскую службу, но ямы лишь засыпают холодным асфальтом, который размывает за несколько недель.\n\nПросим акимат Караганды включить улицу Вокзальную в план капитального ремонта на ближайший сезон, восстановить тротуары с обеих сторон и сделать нормальный водоотвод, чтобы вода снова не разрушила новое покрытие.",
        },
        en: Words {
            title: "Repair the potholed road on Station street in Maikuduk, Karaganda",
            summary: "We ask the akimat of Karaganda to include Station street in Maikuduk in this year's road repair plan: the asphalt has been broken for years, and the potholes damage cars and make the street dangerous for pedestrians.",
            text: "Station street in Maikuduk is about one and a half kilometres long and connects several residential blocks with the bus station, a school and a polyclinic. The asphalt was last laid more than fifteen years ago. Today the road is covered with deep potholes that fill with water after every rain and turn to ice in winter. Drivers swerve into the oncoming lane to avoid them, and pedestrians walk on the roadway because the pavement is broken too.\n\nResidents have reported the problem to the city service many times, but the holes are only filled with cold asphalt, which washes out within a few weeks.\n\nWe ask the akimat of Karaganda to include Station street in the plan of full road repairs for the coming season, to restore the pavements on both sides and to build proper drainage so that water does not destroy the new surface again.",
        },
    },
    // 2. transport: a bus route cut.
    Theme {
        topic: "transport",
        kk: Words {
            title: "Павлодардың солтүстік қала маңынан орталыққа қатынайтын № 27 автобус бағытын қалпына келтіру",
            summary: "Күзде бағыт жабылғаннан кейін солтүстік қала маңының тұрғындары басқа бағытқа дейін бір шақырымнан астам жаяу жүруге немесе таксиге ақша төлеуге мәжбүр. Әкімдіктен бағытты ең болмағанда таңғы және кешкі қарбалас уақытта қалпына келтіруді сұраймыз.",
            text: "Өткен күзге дейін № 27 бағыт солтүстік қала маңынан қала орталығына, вокзалға және облыстық ауруханаға тікелей баратын жалғыз автобус еді. Тасымалдаушы оған қызмет көрсетуден бас тартты, ал бағыт ешқандай баламасыз желіден алынып тасталды. Енді тұрғындар басқа бағыттың ең жақын аялдамасына дейін жарықсыз жолмен бір шақырымнан астам жаяу жүреді, ал көбісі, әсіресе зейнеткерлер, ауруханаға немесе жұмысқа таксимен баруға мәжбүр.\n\nБағыт тасымалдаушыға тиімсіз болуы мүмкін екенін түсінеміз. Бірақ бірнеше мың адам үшін ол қаламен байланыстың жалғыз жолы болатын.\n\nПавлодар қаласының әкімдігінен № 27 бағытқа жаңа конкурс жариялауды немесе қолданыстағы бағыттардың бірін солтүстік қала маңына дейін ұзартуды, таңғы және кешкі қарбалас уақытта аралығын 30 минуттан асырмауды және аялдамаларға кестені ілуді сұраймыз.",
        },
        ru: Words {
            title: "Восстановить автобусный маршрут № 27 из северных пригородов в центр Павлодара",
            summary: "После отмены маршрута осенью жители северных пригородов вынуждены идти больше километра до другой линии или платить за такси. Просим акимат восстановить маршрут хотя бы в утренние и вечерние часы пик.",
            text: "До прошлой осени маршрут № 27 был единственным автобусом, который шёл напрямую из северных пригородов в центр города, к вокзалу и областной больнице. Перевозчик отказался его обслуживать, и маршрут убрали из сети без всякой замены. Теперь жители идут больше километра по неосвещённой дороге до ближайшей остановки другого маршрута, а многие, особенно пенсионеры, вынуждены ездить в больницу или на работу на такси.\n\nМы понимаем, что маршрут мог быть убыточным для перевозчика. Но для нескольких тысяч человек он был единственной связью с городом.\n\nПросим акимат Павлодара объявить новый конкурс на маршрут № 27 или продлить один из действующих маршрутов до северных пригородов, с интервалом не больше 30 минут в утренние и вечерние часы пик, и вывесить расписание на остановках.",
        },
        en: Words {
            title: "Restore bus route No. 27 between the northern suburbs and the centre of Pavlodar",
            summary: "Since the route was cancelled last autumn, residents of the northern suburbs have had to walk more than a kilometre to another line or pay for a taxi. We ask the akimat to restore the route, at least during the morning and evening rush hours.",
            text: "Until last autumn, route No. 27 was the only bus that went directly from the northern suburbs to the city centre, the railway station and the regional hospital. The carrier stopped serving it, and the route was removed from the network with no replacement. Now residents walk more than a kilometre along an unlit road to the nearest stop of another route, and many people, especially pensioners, have to take a taxi to get to the hospital or to work.\n\nWe understand that the route may have been unprofitable for the carrier. But for several thousand people it was the only link with the city.\n\nWe ask the akimat of Pavlodar to announce a new tender for route No. 27 or to extend one of the existing routes to the northern suburbs, with buses at least every 30 minutes during the morning and evening rush hours, and to post the timetable at the stops.",
        },
    },
    // 3. water: irrigation water for a village.
    Theme {
        topic: "water",
        kk: Words {
            title: "Сайрам ауданындағы ауылдың бау-бақшасына су беретін суару арығын тазалау және жөндеу",
            summary: "Үшінші жаз қатарынан суармалы су ауылымыздың шетіне екі аптада бір рет қана жетеді, себебі ескі арықты лай басып, су ағып кетеді. Аудан әкімдігінен арықты тазалап, бетондауды және әділ суару кестесін белгілеуді сұраймыз.",
            text: "Ауылымыздағы отбасылардың көбі үшін үй жанындағы бақша — жыл бойғы көкөністің негізгі көзі және маңызды табыс. Бақшалар бірнеше онжылдық бұрын қазылған топырақ арықтан суарылады. Қазір оны қамыс басқан, лай толған, көп жерінен су ағып жатыр, сондықтан судың басым бөлігі төменгі көшелерге жетпей, жерге сіңіп кетеді. Ауылдың шетіндегі үйлер суды екі аптада бір-ақ рет алады, ал шілдеде олардың егіні қурап қалады.\n\nТұрғындар әр көктем сайын арықтың кей бөліктерін өздері тазалайды, бірақ техникасыз және материалсыз бұл жеткіліксіз.\n\nСайрам ауданының әкімдігінен маусым басталғанға дейін арықты техникамен тазалауды, ең көп бұзылған жерлеріне бетон науалар төсеуді, су қақпаларын жөндеуді және су пайдаланушылармен бірге әр көше өз үлесін алатындай суару кестесін жасап, жариялауды сұраймыз.",
        },
        ru: Words {
            title: "Очистить и отремонтировать оросительный арык для огородов в селе Сайрамского района",
            summary: "Третье лето подряд поливная вода доходит до конца нашего села лишь раз в две недели, потому что старый арык заилен и течёт. Просим акимат района очистить и забетонировать арык и установить справедливый график полива.",
            text: "Для большинства семей нашего села приусадебный участок — главный источник овощей на год и важный доход. Огороды поливают из земляного арыка, вырытого несколько десятилетий назад. Сейчас он зарос камышом, заилен и во многих местах протекает, поэтому большая часть воды уходит в землю, не дойдя до нижних улиц. Дворы в конце села получают воду лишь раз в две недели, и в июле урожай у них высыхает.\n\nЖители каждую весну сами расчищают отдельные участки арыка, но без техники и материалов этого недостаточно.\n\nПросим акимат Сайрамского района до начала сезона очистить арык техникой, уложить на самых разрушенных участках бетонные лотки, отремонтировать затворы и вместе с водопользователями составить и опубликовать график полива, чтобы каждая улица получала свою долю воды.",
        },
        en: Words {
            title: "Clean and repair the irrigation canal that waters the gardens of a village in Sairam district",
            summary: "For the third summer in a row, irrigation water reaches the far end of our village only once every two weeks, because the old canal is silted up and leaking. We ask the district akimat to clean and line the canal and to set a fair watering schedule.",
            text: "For most families in our village, the household garden is the main source of vegetables for the year and an important income. The gardens are watered from an earthen canal dug several decades ago. Today it is overgrown with reeds, silted up and leaking in many places, so most of the water soaks into the ground before it reaches the lower streets. Households at the end of the village get water only once every two weeks, and in July their crops dry out.\n\nEvery spring residents clean parts of the canal themselves, but without machinery and materials this is not enough.\n\nWe ask the akimat of Sairam district to clean the canal with machinery before the season starts, to lay concrete channels on the most damaged sections, to repair the sluice gates and, together with the water users, to draw up and publish a watering schedule so that every street gets its share.",
        },
    },
    // 4. utilities: no hot water in winter.
    Theme {
        topic: "utilities",
        kk: Words {
            title: "Өскемендегі шағын аудандың көпқабатты үйлеріне ыстық суды қайтару",
            summary: "Желтоқсаннан бері шағын аудандағы жиырмаға жуық көпқабатты үй ыстық сусыз немесе әрең жылы сумен отыр, ал жылу төлемақысы бұрынғыдай келеді. Әкімдіктен жылумен жабдықтаушы ұйымды желіні жөндеуге міндеттеуді және төлемді қайта есептеуді сұраймыз.",
            text: "Желтоқсанның басынан бері шағын ауданымыздағы жиырмаға жуық бес және тоғыз қабатты үйдің тұрғындары мүлдем ыстық сусыз отыр немесе күніне бірнеше сағат қана әрең жылы су алады. Кішкентай балалары бар отбасылар суды плитада жылытады, егде адамдар апталап дұрыс жуына алмайды. Радиаторлар да әрең жылы. Жылумен жабдықтаушы ұйымның айтуынша, себебі магистральдық құбырдың тозған бөлігінде, бірақ оны жөндеу мерзімін ешкім атамайды.\n\nСонымен қатар ыстық су мен жылу үшін төлем түбіртектері толық көлемде келеді.\n\nӨскемен қаласының әкімдігінен жылумен жабдықтаушы ұйымды зақымдалған бөлікті белгіленген мерзімде жөндеуге және тұрғындарға жұмыс кестесін хабарлауға міндеттеуді, қызмет көрсетілмеген айлар үшін төлемді қайта есептеуді және тозған құбырларды ауыстыруды келесі жылу беру маусымына дейін желілерді жаңғырту жоспарына енгізуді сұраймыз.",
        },
        ru: Words {
            title: "Вернуть горячую воду в многоэтажки микрорайона в Усть-Каменогорске",
            summary: "С декабря около двадцати многоэтажных домов микрорайона живут без горячей воды или с едва тёплой водой, а счета за отопление приходят прежние. Просим акимат обязать теплоснабжающую организацию отремонтировать сеть и сделать перерасчёт.",
            text: "С начала декабря жители примерно двадцати пяти- и девятиэтажных домов нашего микрорайона живут совсем без горячей воды или получают едва тёплую воду по несколько часов в день. Семьи с маленькими детьми греют воду на плите, пожилые люди неделями не могут нормально помыться. Батареи тоже еле тёплые. По словам теплоснабжающей организации, причина в изношенном участке магистральной трубы, но сроков ремонта никто не называет.\n\nПри этом счета за горячую воду и отопление приходят в полном объёме.\n\nПросим акимат Усть-Каменогорска обязать теплоснабжающую организацию отремонтировать повреждённый участок в установленный срок и сообщить жителям график работ, сделать перерасчёт за месяцы, когда услуга не оказывалась, и включить замену изношенных труб в план модернизации сетей до следующего отопительного сезона.",
        },
        en: Words {
            title: "Restore hot water to the apartment blocks of a microdistrict in Oskemen",
            summary: "Since December, about twenty apartment blocks in our microdistrict have had no hot water or only lukewarm water, yet the heating bills have not changed. We ask the akimat to make the heat supplier repair the network and to recalculate the bills.",
            text: "Since the beginning of December, residents of about twenty five- and nine-storey blocks in our microdistrict have had no hot water at all, or only lukewarm water for a few hours a day. Families with small children heat water on the stove, and elderly people cannot wash properly for weeks. The radiators are barely warm too. According to the heat supplier, the cause is a worn-out section of the main pipe, but nobody can say when it will be repaired.\n\nMeanwhile, the bills for hot water and heating arrive in full.\n\nWe ask the akimat of Oskemen to require the heat supplier to repair the damaged section by a fixed date and to inform residents of the work schedule, to recalculate the bills for the months when the service was not provided, and to include the replacement of the worn-out pipes in the network modernisation plan before the next heating season.",
        },
    },
    // 5. education: a school with three shifts.
    Theme {
        topic: "education",
        kk: Words {
            title: "Шымкенттің оқушылар үш ауысымда оқитын өсіп жатқан шағын ауданында жаңа мектеп салу",
            summary: "Шағын ауданымыздағы 1 200 оқушыға арналған жалғыз мектепте қазір 3 000-нан астам бала үш ауысымда оқиды, соңғы сабақтар кешкі жетіден кейін аяқталады. Әкімдіктен екінші мектеп салуды, оған дейін уақытша шаралар қабылдауды сұраймыз.",
            text: "Шымкенттегі шағын ауданымыз соңғы он жылда тез өсті: жыл сайын жаңа үйлер салынып, балалы жас отбасылар көшіп келуде. Бірақ 1 200 оқушыға арналған мектеп әлі де біреу ғана. Бүгін онда 3 000-нан астам бала үш ауысымда оқиды. Үшінші ауысым түстен кейін сағат екіден соң басталып, кешкі жетіден кейін аяқталады, қыста балалар үйге қараңғыда қайтады. Сыныптар лық толы, үйірмелерге орын жоқ, спорт залы мен асхана үзіліссіз жұмыс істейді.\n\nАта-аналар жаңа мектепті бір жылда салу мүмкін емес екенін түсінеді, сондықтан біз ұзақ мерзімді де, уақытша да шешім сұраймыз.\n\nШымкент қаласының әкімдігінен жер телімін бөліп, кемінде 1 500 орындық жаңа мектепті алдағы екі жылдағы құрылыс жоспарына енгізуді, ал оған дейін ешбір бала үшінші ауысымда оқымауы үшін көршілес қоғамдық ғимараттарда уақытша сыныптар ашуды немесе бос орны бар мектептерге тегін тасымал ұйымдастыруды сұраймыз.",
        },
        ru: Words {
            title: "Построить новую школу в растущем микрорайоне Шымкента, где дети учатся в три смены",
            summary: "Единственная школа нашего микрорайона, рассчитанная на 1 200 учеников, сейчас учит больше 3 000 детей в три смены, и последние уроки заканчиваются после семи вечера. Просим акимат построить вторую школу, а до этого принять временные меры.",
            text: "Наш микрорайон в Шымкенте быстро вырос за последние десять лет: каждый год строятся новые дома, переезжают молодые семьи с детьми. Но школа по-прежнему одна, и рассчитана она на 1 200 учеников. Сегодня в ней учатся больше 3 000 детей в три смены. Третья смена начинает после двух часов дня и заканчивает после семи вечера, зимой дети возвращаются домой в темноте. Классы переполнены, для кружков нет места, спортзал и столовая работают без перерыва.\n\nРодители понимают, что новую школу за год не построить, поэтому мы просим и долгосрочного, и временного решения.\n\nПросим акимат Шымкента выделить участок и включить в план строительства на ближайшие два года новую школу не менее чем на 1 500 мест, а пока открыть временные классы в соседних общественных зданиях или организовать бесплатный подвоз в школы со свободными местами, чтобы ни один ребёнок не учился в третью смену.",
        },
        en: Words {
            title: "Build a new school in a growing microdistrict of Shymkent where children study in three shifts",
            summary: "The only school in our microdistrict was designed for 1,200 pupils but now teaches more than 3,000 in three shifts, and the last lessons end after seven in the evening. We ask the akimat to build a second school and to take temporary measures until then.",
            text: "Our microdistrict in Shymkent has grown quickly over the past ten years: new houses go up every year, and young families with children move in. But there is still only one school, designed for 1,200 pupils. Today it teaches more than 3,000 children in three shifts. The third shift starts after two in the afternoon and finishes after seven in the evening, so in winter children walk home in the dark. Classes are overcrowded, there is no room for after-school clubs, and the gym and canteen work without a break.\n\nParents understand that a new school cannot be built in a year, so we ask for both a long-term and a temporary solution.\n\nWe ask the akimat of Shymkent to allocate a plot and include a new school for at least 1,500 pupils in the construction plan for the next two years, and in the meantime to open temporary classrooms in nearby public buildings or provide free transport to schools with free places, so that no child has to study in a third shift.",
        },
    },
    // 6. housing: a courtyard playground.
    Theme {
        topic: "housing",
        kk: Words {
            title: "Алматыдағы Ақсай-3 шағын ауданындағы төрт үйдің ауласындағы балалар алаңын жаңарту",
            summary: "Ауламыздағы балалар алаңы 1980-жылдардан бері жаңартылмаған: әткеншектер сынған, темір бөліктері тот басқан әрі өткір, қауіпсіз жабын жоқ. Әкімдіктен ауланы абаттандыру бағдарламасына енгізуді сұраймыз.",
            text: "Ақсай-3 шағын ауданындағы ауламыз төрт бес қабатты үйге ортақ, оларда 300-ден астам бала тұрады. Балалар алаңы 1980-жылдары салынған және содан бері жаңартылмаған. Әткеншектер сынған, сырғанақтың тот басқан өткір жиектері бар, ал қауіпсіз жабынның орнында жаңбырдан кейін балшыққа айналатын жалаңаш жер. Балалар тұрақта тұрған көліктердің арасында ойнайды, ал ата-аналар оларды ақылы ойын орталығына немесе алыстағы саябаққа апаруға мәжбүр.\n\nТұрғындар жобаны жалпы жиналыста талқылады және жабдықты таңдауға қатысуға әрі жаңа алаңды күтіп-баптауға дайын.\n\nАлматы қаласының әкімдігінен ауламызды аулаларды абаттандыру бағдарламасына енгізуді, резеңке жабыны бар заманауи қауіпсіз ойын жабдығын, ата-аналарға арналған орындықтар мен жарық орнатуды, сондай-ақ ойын аймағын көлік тұрағынан аласа қоршаумен бөлуді сұраймыз.",
        },
        ru: Words {
            title: "Обновить детскую площадку во дворе четырёх домов в микрорайоне Аксай-3 в Алматы",
            summary: "Детскую площадку в нашем дворе не обновляли с 1980-х годов: качели сломаны, металлические детали ржавые и острые, безопасного покрытия нет. Просим акимат включить двор в программу благоустройства.",
            text: "Наш двор в микрорайоне Аксай-3 общий для четырёх пятиэтажных домов, в которых живут больше 300 детей. Детскую площадку построили в 1980-х и с тех пор не обновляли. Качели сломаны, у горки острые ржавые края, а вместо безопасного покрытия голая земля, которая после дождя превращается в грязь. Дети играют между припаркованными машинами, а родителям приходится водить их в платный игровой центр или в далёкий парк.\n\nЖители обсудили проект на общем собрании и готовы участвовать в выборе оборудования и присматривать за новой площадкой.\n\nПросим акимат Алматы включить наш двор в программу благоустройства дворов, установить современное безопасное игровое оборудование с резиновым покрытием, скамейки для родителей и освещение, а также отделить игровую зону от парковки невысоким ограждением.",
        },
        en: Words {
            title: "Renovate the playground in the courtyard shared by four apartment blocks in Aksai-3, Almaty",
            summary: "The playground in our courtyard has not been renovated since the 1980s: the swings are broken, the metal parts are rusty and sharp, and there is no safe surface. We ask the akimat to include our courtyard in the improvement programme.",
            text: "Our courtyard in the Aksai-3 microdistrict is shared by four five-storey blocks where more than 300 children live. The playground was built in the 1980s and has not been renovated since. The swings are broken, the slide has sharp rusty edges, and instead of a safe surface there is bare ground that turns to mud after rain. Children play between parked cars, and parents have to take them to a paid play centre or a distant park.\n\nResidents have discussed the project at a general meeting and are ready to help choose the equipment and to look after the new playground.\n\nWe ask the akimat of Almaty to include our courtyard in the courtyard improvement programme, to install modern, safe play equipment on a rubber surface, benches for parents and lighting, and to separate the play area from the parking spaces with a low fence.",
        },
    },
    // 7. health: a closed rural clinic.
    Theme {
        topic: "health",
        kk: Words {
            title: "Семей маңындағы ауылда жабылған медициналық пунктті қайта ашу",
            summary: "Ауылымыздағы медициналық пункт жабылғаннан кейін ең жақын дәрігер 40 шақырым жерде, тұрақты автобус жоқ. Әкімдік пен облыстық денсаулық сақтау басқармасынан оны қайта ашуды немесе кемінде аптасына бір рет жылжымалы бригада жіберуді сұраймыз.",
            text: "Өткен жылы Семей маңындағы ауылымыздағы медициналық пункт жабылды: фельдшер зейнетке шықты, ал орнына адам табылмады. Ғимарат тұр, бірақ құлыптаулы. Ауылда 900-ге жуық адам тұрады, оның үштен бірі — зейнеткерлер. Қазір ең жақын емхана 40 шақырым жердегі аудан орталығында, ал автобус аптасына екі-ақ рет қатынайды. Созылмалы аурулары бар адамдар тұрақты бақылаудан өте алмайды, қан қысымын өлшетіп, укол салдыра алмайды, ал сәбилі аналар екпе алу үшін таксимен барады.\n\nБіреу түнде ауырып қалса, жедел жәрдем бір сағаттан астам уақытта жетеді, әсіресе қыста жолды қар басқанда.\n\nАбай облысының әкімдігі мен облыстық денсаулық сақтау басқармасынан медициналық пунктті қайта ашуды, ауылдағы мамандарға арналған баспана және қолдау шаралары арқылы фельдшер немесе мейірбике тартуды, ал оған дейін жылжымалы медициналық бригаданың ауылға кемінде аптасына бір рет белгілі бір күні келуін ұйымдастыруды сұраймыз.",
        },
        ru: Words {
            title: "Вновь открыть закрытый медпункт в селе под Семеем",
            summary: "После закрытия медпункта в нашем селе ближайший врач находится в 40 километрах, а регулярного автобуса нет. Просим акимат и областное управление здравоохранения открыть его снова или организовать выезды передвижной бригады хотя бы раз в неделю.",
            text: "В прошлом году медпункт в нашем селе под Семеем закрыли: фельдшер ушёл на пенсию, а замену не нашли. Здание стоит, но оно заперто. В селе живут около 900 человек, треть из них пенсионеры. Теперь ближайшая поликлиника находится в райцентре, в 40 километрах, а автобус ходит лишь два раза в неделю. Люди с хроническими болезнями не могут регулярно наблюдаться, измерить давление или сделать укол, а мамы с младенцами ездят на прививки на такси.\n\nКогда кто-то заболевает ночью, скорая едет больше часа, особенно зимой, когда дорогу заметает.\n\nПросим акимат области Абай и областное управление здравоохранения вновь открыть медпункт, привлечь фельдшера или медсестру, предоставив жильё и меры поддержки для специалистов на селе, а до этого организовать выезды передвижной медицинской бригады в село не реже раза в неделю в определённый день.",
        },
        en: Words {
            title: "Reopen the closed medical post in a village near Semey",
            summary: "Since the medical post in our village closed, the nearest doctor is 40 kilometres away and there is no regular bus. We ask the akimat and the regional health department to reopen it, or at least to send a mobile medical team once a week.",
            text: "Last year the medical post in our village near Semey was closed: the paramedic retired and no replacement was found. The building still stands, but it is locked. About 900 people live in the village, a third of them pensioners. The nearest polyclinic is now in the district centre, 40 kilometres away, and the bus runs only twice a week. People with chronic illnesses cannot have regular check-ups, get their blood pressure measured or receive injections, and mothers take their babies to vaccinations by taxi.\n\nWhen someone falls ill at night, the ambulance takes more than an hour to arrive, especially in winter when the road is covered with snow.\n\nWe ask the akimat of Abai region and the regional health department to reopen the medical post, to attract a paramedic or nurse by offering housing and the support available to rural specialists, and until then to send a mobile medical team to the village at least once a week on a fixed day.",
        },
    },
    // 8. environment: a polluted river bank.
    Theme {
        topic: "environment",
        kk: Words {
            title: "Атыраудағы тұрғын алап маңындағы Жайық жағалауын тазалау және қорғау",
            summary: "Ауданымыздың жанындағы Жайық жағалауының бір бөлігі құрылыс және тұрмыстық қалдықтардың заңсыз үйіндісіне айналды. Әкімдіктен қоқысты шығаруды, заңсыз төгуді тоқтатуды және жағалауды серуендейтін орынға айналдыруды сұраймыз.",
            text: "Атыраудағы тұрғын алабымыздың жанында, Жайық бойында ұзындығы шамамен бір шақырым жағалау бар, бұрын ол серуендеу мен балық аулаудың сүйікті орны еді. Соңғы бірнеше жылда ол заңсыз қоқыс үйіндісіне айналды: түнде жүк көліктері құрылыс қалдықтарын түсіреді, ал маңайдағы үйлердің тұрғындары тұрмыстық қоқыс тастайды. Көктемде тасқын су пластик пен сынықтарды өзенге шайып әкетеді, ал жазда жағымсыз иіс шыдатпайды.\n\nЕріктілер бірнеше рет сенбілік өткізді, бірақ бір аптадан кейін жаңа үйінділер пайда болады.\n\nАтырау қаласының әкімдігінен жиналған қалдықтарды шығаруды, жағалауға көлік кіретін жолды жабуды, бейнекамералар мен айыппұл туралы белгілер орнатуды, сондай-ақ үйлердің жанына контейнерлер қоюды сұраймыз. Сонымен қатар бұл бөлікті жаяу жүргіншілер жолы, орындықтар мен жарығы бар жағалауды абаттандыру жоспарына енгізуді өтінеміз, сонда бұл жер пайдаланылып, күтіліп тұрады.",
        },
        ru: Words {
            title: "Очистить и защитить берег Урала возле жилого массива в Атырау",
            summary: "Участок берега Урала рядом с нашим районом превратился в стихийную свалку строительного и бытового мусора. Просим акимат вывезти мусор, прекратить незаконные сбросы и сделать берег местом для прогулок.",
            text: "Вдоль Урала рядом с нашим жилым массивом в Атырау есть участок берега длиной около километра, который раньше был любимым местом прогулок и рыбалки. За последние несколько лет он превратился в стихийную свалку: по ночам грузовики выгружают туда строительный мусор, а жители соседних домов выбрасывают бытовые отходы. Весной паводок смывает пластик и обломки в реку, а летом стоит невыносимый запах.\n\nВолонтёры несколько раз проводили субботники, но через неделю появляются новые кучи.\n\nПросим акимат Атырау вывезти накопившиеся отходы, перекрыть подъезд машин к берегу, установить камеры и таблички о штрафах, а также поставить контейнеры возле домов. Просим также включить этот участок в план благоустройства набережной с пешеходной дорожкой, скамейками и освещением, чтобы место использовали и берегли.",
        },
        en: Words {
            title: "Clean up and protect the bank of the Ural river near a residential area in Atyrau",
            summary: "A stretch of the Ural river bank next to our neighbourhood has turned into an illegal dump of construction and household waste. We ask the akimat to clear it, stop the dumping and turn the bank into a place where people can walk.",
            text: "Along the Ural river, next to our residential area in Atyrau, there is a stretch of bank about a kilometre long that used to be a favourite place for walks and fishing. Over the past few years it has turned into an illegal dump: trucks unload construction waste there at night, and people from nearby houses throw out household rubbish. In spring the floods wash plastic and debris into the river, and in summer the smell is unbearable.\n\nVolunteers have organised clean-ups several times, but a week later new piles appear.\n\nWe ask the akimat of Atyrau to remove the accumulated waste, block vehicle access to the bank, install cameras and signs warning of fines, and put waste containers near the houses. We also ask that this stretch be included in the embankment improvement plan, with a footpath, benches and lighting, so that the place is used and cared for.",
        },
    },
    // 9. safety: an unlit pedestrian crossing near a school.
    Theme {
        topic: "safety",
        kk: Words {
            title: "Түркістандағы № 15 мектептің алдындағы жаяу жүргіншілер өткелін жарықтандыру және қауіпсіз ету",
            summary: "Күн сайын таңертең жүздеген бала мектеп алдындағы қозғалысы тығыз жолды, қыста әлі қараңғыда, жарығы жоқ және таңбасы өшіп қалған өткелмен кесіп өтеді. Әкімдіктен оны жарықтандыруды, бағдаршам мен жасанды кедір-бұдырлар орнатуды сұраймыз.",
            text: "Түркістандағы № 15 мектеп көліктер мен жүк машиналары жылдам жүретін, қозғалысы тығыз жолдың бойында орналасқан. Күн сайын таңертең 800-ге жуық бала оны жалғыз жаяу жүргіншілер өткелімен кесіп өтеді. Қыста сабақ әлі қараңғыда басталады, бірақ өткелде жарық жоқ, «зебра» таңбасы өшуге жақын, ал белгіні ағаш жауып тұр. Жүргізушілер балаларды соңғы сәтте байқайды, биылдың өзінде ата-аналар бірнеше қауіпті жағдайды көрді.\n\nАта-аналар таңертең өткелде кезекпен тұрады, бірақ бұл нақты қауіпсіздік шараларының орнын баспайды.\n\nТүркістан қаласының әкімдігінен өткелдің үстіне жарқын шам орнатуды, жол таңбасын жарық шағылыстыратын бояумен жаңартуды, түймесі бар жаяу жүргіншілер бағдаршамын, екі жағынан жасанды кедір-бұдырлар және мектеп қақпасы тұсындағы тротуар бойына қоршау орнатуды, сондай-ақ полициядан сабақ басталып, аяқталатын уақытта жүргізушілердің жылдамдығын бақылауды сұрауды өтінеміз.",
        },
        ru: Words {
            title: "Осветить и обезопасить пешеходный переход у школы № 15 в Туркестане",
            summary: "Каждое утро сотни детей переходят оживлённую дорогу перед школой, зимой ещё в темноте, по переходу без освещения и со стёртой разметкой. Просим акимат осветить его, установить светофор и искусственные неровности.",
            text: "Школа № 15 в Туркестане стоит у оживлённой дороги, где машины и грузовики едут быстро. Каждое утро около 800 детей переходят её по единственному пешеходному переходу. Зимой уроки начинаются, когда ещё темно, но освещения у перехода нет, «зебра» почти стёрлась, а знак закрыт деревом. Водители замечают детей в последний момент, и только в этом году родители видели несколько опасных ситуаций.\n\nРодители по очереди дежурят у перехода по утрам, но это не заменит нормальных мер безопасности.\n\nПросим акимат Туркестана установить над переходом яркое освещение, обновить разметку светоотражающей краской, поставить пешеходный светофор с кнопкой, искусственные неровности с обеих сторон и ограждение вдоль тротуара у ворот школы, а также попросить полицию контролировать скорость водителей в часы начала и окончания занятий.",
        },
        en: Words {
            title: "Light and secure the pedestrian crossing in front of school No. 15 in Turkistan",
            summary: "Every morning hundreds of children cross a busy road in front of the school, in winter still in the dark, at a crossing with no lighting and faded markings. We ask the akimat to light it and to add a traffic light and speed bumps.",
            text: "School No. 15 in Turkistan stands on a busy road where cars and trucks drive fast. Every morning about 800 children cross it at the only pedestrian crossing. In winter lessons start while it is still dark, but the crossing has no lighting, the zebra markings have almost worn away, and the sign is hidden behind a tree. Drivers notice the children at the last moment, and this year alone parents have seen several near misses.\n\nParents take turns standing at the crossing in the mornings, but this cannot replace proper safety measures.\n\nWe ask the akimat of Turkistan to install bright lighting above the crossing, to renew the markings with reflective paint, to put up a push-button pedestrian traffic light, speed bumps on both sides and a fence along the pavement by the school gate, and to ask the police to check drivers' speed there when lessons start and end.",
        },
    },
    // 10. social: ramps for wheelchair users.
    Theme {
        topic: "social",
        kk: Words {
            title: "Орал орталығындағы емхана, пошта және өткелдерді кресло-арбамен жүретін адамдарға қолжетімді ету",
            summary: "Орал орталығындағы көптеген қоғамдық ғимараттарда әлі күнге дейін пандусы жоқ биік баспалдақтар немесе көтерілу мүмкін емес тік пандустар бар. Әкімдіктен қолжетімділікті тексеріп, емханаға, поштаға және дәріханаларға кіреберістерді қайта жабдықтауды сұраймыз.",
            text: "Кресло-арбамен жүретін адамдар, бала арбасы бар ата-аналар және таяқпен жүретін егде адамдар Орал орталығындағы көптеген қоғамдық орындарға әлі күнге дейін өз бетінше кіре алмайды. Қалалық емхананың пандусы бар, бірақ ол тым тік, біреудің көмегінсіз көтерілу мүмкін емес, ал қыста оны мұз басады. Поштада, бірнеше дәріханада және әлеуметтік қорғау бөлімінде тек баспалдақ бар. Өткелдердегі жиек тастар биік, ал аласа еденді автобустар жиі тротуар шетінен алыс тоқтайды.\n\nНәтижесінде дәрігерге бару немесе зейнетақы алу бейтаныс адамдардың көмегіне тәуелді мәселеге айналады.\n\nОрал қаласының әкімдігінен мүгедектігі бар адамдардың ұйымдарымен бірге қала орталығындағы қоғамдық ғимараттар мен өткелдердің қолжетімділігін тексеруді, пандустарды тұтқалары және тайғанаққа қарсы жабыны бар етіп, нормаларға сай қайта жасауды, өткелдердегі жиек тастарды түсіруді және әр ғимарат бойынша мерзімі көрсетілген жұмыс жоспарын жариялауды сұраймыз.",
        },
        ru: Words {
            title: "Сделать поликлинику, почту и переходы в центре Уральска доступными для людей на колясках",
            summary: "Многие общественные здания в центре Уральска до сих пор имеют крутые ступени без пандусов или пандусы, по которым невозможно подняться. Просим акимат проверить доступность и переоборудовать входы в поликлинику, на почту и в аптеки.",
            text: "Люди на инвалидных колясках, родители с детскими колясками и пожилые люди с тростью до сих пор не могут самостоятельно попасть во многие общественные места в центре Уральска. У городской поликлиники есть пандус, но он такой крутой, что подняться без посторонней помощи невозможно, а зимой он покрыт льдом. У почты, нескольких аптек и отдела социальной защиты есть только ступени. Бордюры на пешеходных переходах высокие, а низкопольные автобусы часто останавливаются далеко от края тротуара.\n\nВ итоге поход к врачу или за пенсией превращается в проблему, которая зависит от помощи незнакомых людей.\n\nПросим акимат Уральска вместе с организациями людей с инвалидностью провести проверку доступности общественных зданий и переходов в центре города, переделать пандусы по нормам, с поручнями и противоскользящим покрытием, понизить бордюры на переходах и опубликовать план работ со сроками по каждому зданию.",
        },
        en: Words {
            title: "Make the polyclinic, post office and crossings in the centre of Oral accessible to wheelchair users",
            summary: "Many public buildings in the centre of Oral still have steep steps with no ramp, or ramps too steep to climb. We ask the akimat to check accessibility and to rebuild the entrances to the polyclinic, the post office and pharmacies.",
            text: "People in wheelchairs, parents with prams and elderly people who walk with a cane still cannot enter many public places in the centre of Oral on their own. The city polyclinic has a ramp, but it is so steep that nobody can go up it without help, and in winter it is covered with ice. The post office, several pharmacies and the social services office have only steps. The kerbs at pedestrian crossings are high, and low-floor buses often stop far from the edge of the pavement.\n\nAs a result, a visit to the doctor or a trip to collect a pension becomes a problem that depends on the help of strangers.\n\nWe ask the akimat of Oral, together with organisations of people with disabilities, to check the accessibility of public buildings and crossings in the city centre, to rebuild the ramps to standard with handrails and a non-slip surface, to lower the kerbs at crossings, and to publish a plan with deadlines for each building.",
        },
    },
    // 11. economy: a place for local producers to sell.
    Theme {
        topic: "economy",
        kk: Words {
            title: "Көкшетауда жергілікті фермерлерге арналған лайықты орындары бар демалыс күнгі жәрмеңке ұйымдастыру",
            summary: "Маңайдағы ауылдардың фермерлері мен үй өндірушілері көкөніс, сүт және етті жол жиегінде көлік жүксалғышынан сатады, себебі қалада оларға қолжетімді орын жоқ. Әкімдіктен демалыс күнгі жәрмеңкеге алаң бөлуді сұраймыз.",
            text: "Әр демалыс сайын Көкшетау маңындағы ауылдардың фермерлері мен отбасылары қалаға картоп, көкөніс, бал, сүт және ет әкеледі. Қолданыстағы базарлардағы орындар қымбат әрі ұзақ мерзімге жалға берілген, сондықтан көбісі жол бойында, шаң-тозаңда, көлеңкесіз, тікелей көлік жүксалғышынан сауда жасайды, оларды жиі қуып жібереді. Сатып алушылар өнімнің тексерілген-тексерілмегенін біле алмайды, ал шағын өндірушілер сатып алушылары мен табысынан айырылады.\n\nТұрақты жәрмеңке ауыл тұрғындарына өнім өткізудің сенімді жолын, ал қала тұрғындарына әділ бағамен жаңа жергілікті өнім берер еді.\n\nКөкшетау қаласының әкімдігінен демалыс күнгі жәрмеңке үшін тұрағы бар ыңғайлы алаң бөлуді, қарапайым шатырлы сауда орындарын орнатуды, су мен дәретхана қамтамасыз етуді, жергілікті өндірушілерге орындарды тегін немесе ең аз ақымен беруді және өнімді орнында ветеринарлық зертхананың тексеруін ұйымдастыруды сұраймыз.",
        },
        ru: Words {
            title: "Организовать в Кокшетау ярмарку выходного дня с нормальными местами для местных фермеров",
            summary: "Фермеры и домашние производители из окрестных сёл продают овощи, молоко и мясо из багажников на обочине, потому что доступного места в городе для них нет. Просим акимат выделить площадку для ярмарки выходного дня.",
            text: "Каждые выходные фермеры и семьи из сёл вокруг Кокшетау привозят в город картофель, овощи, мёд, молоко и мясо. Места на действующих рынках дорогие и сданы в долгосрочную аренду, поэтому многие торгуют прямо из багажников вдоль дороги, в пыли и без навеса, и их регулярно прогоняют. Покупатели не могут знать, проверена ли продукция, а мелкие производители теряют покупателей и доход.\n\nПостоянная ярмарка дала бы сельчанам надёжный канал сбыта, а горожанам — свежие местные продукты по честной цене.\n\nПросим акимат Кокшетау выделить удобную площадку с парковкой для ярмарки выходного дня, установить простые торговые места под навесом, обеспечить воду и туалеты, предоставлять места местным производителям бесплатно или за минимальную плату и организовать проверку продукции ветеринарной лабораторией на месте.",
        },
        en: Words {
            title: "Set up a weekend farmers' market with proper stalls for local producers in Kokshetau",
            summary: "Farmers and home producers from nearby villages sell vegetables, milk and meat from car boots by the roadside because there is no affordable place for them in the city. We ask the akimat to allocate a site for a weekend farmers' market.",
            text: "Every weekend, farmers and families from the villages around Kokshetau bring potatoes, vegetables, honey, milk and meat to the city. Places at the existing markets are expensive and rented out long-term, so many of them sell straight from car boots along the road, in the dust and without shade, and are regularly moved on. Buyers cannot tell whether the products have been checked, and small producers lose customers and income.\n\nA regular farmers' market would give villagers a reliable way to sell their produce and give city residents fresh local food at fair prices.\n\nWe ask the akimat of Kokshetau to allocate a convenient site with parking for a weekend farmers' market, to set up simple covered stalls, to provide water and toilets, to offer places to local producers free of charge or for a minimal fee, and to arrange for a veterinary laboratory to check products on site.",
        },
    },
    // 12. other: stray dogs.
    Theme {
        topic: "other",
        kk: Words {
            title: "Петропавлдың тұрғын аудандарындағы қаңғыбас иттер мәселесін ізгілікпен шешу",
            summary: "Ауданымыздағы мектеп, балалар алаңдары мен аялдамалар жанында қаңғыбас иттер топ-тобымен жиналады, тұрғындар, әсіресе балалар, ол жерлерде жүруге қорқады. Әкімдіктен иттерді тұрақты аулауды, стерилизациялау мен вакцинациялауды ұйымдастыруды және қалалық жануарлар баспанасын ашуды сұраймыз.",
            text: "Соңғы бір жылда Петропавлдағы тұрғын ауданымызда қаңғыбас иттердің бірнеше тобы тұрақтап алды. Олар мектептің, балалар алаңдарының және аялдамалардың жанына жиналып, велосипедшілерге тап береді, түнде өткен-кеткенге үреді. Ата-аналар балаларын мектепке жалғыз жібермейтін болды, егде адамдар таңертең далаға шығуға қорқады. Ит қабу жағдайлары болды, зардап шеккендер құтыруға қарсы екпе курсын алуға мәжбүр болды.\n\nТұрғындар ветеринарлық қызметке талай рет хабарласты, бірақ иттерді сирек алып кетеді, мәселе тез қайталанады.\n\nПетропавл қаласының әкімдігінен ауданда иесіз жануарларды тұрақты әрі ізгілікпен аулауды, оларды стерилизациялап, вакцинациялап, таңбалауды ұйымдастыруды, иттерді ұстауға және жаңа иелеріне беруге болатын қалалық баспананы салуды немесе кеңейтуді, сондай-ақ үй жануарларын жауапкершілікпен ұстау туралы ақпараттық науқан өткізуді сұраймыз, өйткені қаңғыбас иттердің көбі бір кезде үй иті болған.",
        },
        ru: Words {
            title: "Гуманно решить проблему стай бездомных собак в жилых районах Петропавловска",
            summary: "Стаи бездомных собак собираются у школы, детских площадок и остановок нашего района, и жители, особенно дети, боятся там ходить. Просим акимат наладить регулярный отлов, стерилизацию и вакцинацию и открыть городской приют.",
            text: "За последний год в нашем жилом районе Петропавловска обосновались несколько стай бездомных собак. Они собираются у школы, детских площадок и остановок, бросаются на велосипедистов и ночью лают на прохожих. Родители больше не отпускают детей в школу одних, пожилые люди боятся выходить по утрам. Уже были случаи укусов, и пострадавшим пришлось пройти курс прививок от бешенства.\n\nЖители много раз обращались в ветеринарную службу, но собак забирают редко, и проблема быстро возвращается.\n\nПросим акимат Петропавловска организовать в районе регулярный и гуманный отлов безнадзорных животных со стерилизацией, вакцинацией и маркировкой, построить или расширить городской приют, где собак смогут содержать и пристраивать в семьи, и провести информационную кампанию об ответственном содержании питомцев, ведь многие бездомные собаки когда-то были домашними.",
        },
        en: Words {
            title: "Deal humanely with packs of stray dogs in the residential areas of Petropavl",
            summary: "Packs of stray dogs gather near the school, playgrounds and bus stops in our district, and residents, especially children, are afraid to walk there. We ask the akimat to organise regular catching, sterilisation and vaccination and to open a city shelter.",
            text: "Over the past year, several packs of stray dogs have settled in our residential area of Petropavl. They gather near the school, the playgrounds and the bus stops, chase cyclists and bark at passers-by at night. Parents no longer let their children walk to school alone, and elderly people are afraid to go out in the morning. There have already been bites, and the victims had to take a course of rabies injections.\n\nResidents have called the veterinary service many times, but the dogs are taken away rarely and the problem soon returns.\n\nWe ask the akimat of Petropavl to organise regular and humane catching of stray animals in the district, with sterilisation, vaccination and tagging, to build or expand a city shelter where dogs can be kept and offered for adoption, and to run an information campaign on responsible pet ownership, since many stray dogs were once pets.",
        },
    },
    // 13. roads: snow removal.
    Theme {
        topic: "roads",
        kk: Words {
            title: "Астанадағы Көктал тұрғын алабының көшелерінен қарды тұрақты тазалауды ұйымдастыру",
            summary: "Әр қар жауғаннан кейін Көкталдың ішкі көшелері бір апта және одан да көп уақыт тазаланбай қалады. Әкімдіктен оларды қар тазалаудың тұрақты кестесіне енгізуді және қарды өткелдерге үймей, шығарып әкетуді сұраймыз.",
            text: "Көктал — қала шетіндегі жеке үйлер мен аз қабатты ғимараттар орналасқан аудан. Қар жауғаннан кейін басты даңғылдар тез тазаланады, ал ішкі көшелер күндер бойы, тіпті апталар бойы қар астында қалады. Қар тапталып, терең жыра пайда болады, көліктер батып қалады, жедел жәрдем мен такси кіруден бас тартады. Егде адамдар аялдамаға жете алмайды, ал балалар мектепке қар үйінділерінің арасымен, жүру бөлігімен барады.\n\nГрейдер келген күннің өзінде қарды жол жиегіне ысырып, қақпалар мен жаяу жүргіншілер өткелдерін бітеп тастайды, ал бұл үйінділер көктемге дейін жатады.\n\nАстана қаласының әкімдігінен Көкталдың көшелерін қар тазалаудың тұрақты кестесіне енгізуді, тұрғындар техниканың қашан келетінін білуі үшін бұл кестені жариялауды және өткелдер, аялдамалар мен мектепке баратын жолдағы қарды сол жерге үймей, шығарып әкетуді сұраймыз.",
        },
        ru: Words {
            title: "Наладить регулярную уборку снега на улицах жилого массива Коктал в Астане",
            summary: "После каждого снегопада второстепенные улицы Коктала остаются нерасчищенными неделю и больше. Просим акимат включить их в регулярный график уборки снега и вывозить снег, а не сгребать его к переходам.",
            text: "Коктал — район частных домов и малоэтажной застройки на окраине города. Главные проспекты после снегопада расчищают быстро, но второстепенные улицы остаются заваленными днями, а то и неделями. Снег укатывается в колею, машины застревают, скорая помощь и такси отказываются заезжать. Пожилые люди не могут дойти до остановки, а дети идут в школу по проезжей части между сугробами.\n\nКогда грейдер всё же приезжает, он сдвигает снег к обочинам, перекрывая ворота и пешеходные переходы, и эти кучи лежат до весны.\n\nПросим акимат Астаны включить улицы Коктала в регулярный график уборки снега, опубликовать этот график, чтобы жители знали, когда ждать технику, и вывозить снег от переходов, остановок и подходов к школе, а не складировать его там.",
        },
        en: Words {
            title: "Clear snow regularly from the side streets of the Koktal residential area in Astana",
            summary: "After every snowfall the side streets of Koktal stay uncleared for a week or more. We ask the akimat to include them in the regular snow removal schedule and to take the snow away instead of piling it up at crossings.",
            text: "Koktal is an area of private houses and low-rise buildings on the edge of the city. The main avenues are cleared quickly after a snowfall, but the side streets stay buried for days or even weeks. The snow is packed into deep ruts, cars get stuck, and ambulances and taxis refuse to drive in. Elderly people cannot get to the bus stop, and children walk to school along the roadway between snowdrifts.\n\nWhen a grader does come, it pushes the snow to the sides, blocking gates and pedestrian crossings, and the piles stay there until spring.\n\nWe ask the akimat of Astana to include the streets of Koktal in the regular snow removal schedule, to publish that schedule so residents know when to expect the machines, and to take the snow away from crossings, bus stops and the approaches to the school instead of piling it up there.",
        },
    },
    // 14. transport: bus stop shelters.
    Theme {
        topic: "transport",
        kk: Words {
            title: "Қостанайдағы Абай даңғылының аялдамаларына орындықтары бар павильондар орнату",
            summary: "Даңғылдағы аялдамалардың көбі — бағанадағы жай ғана белгі. Қыста адамдар автобусты желде және аязда, жазда күн астында күтеді. Әкімдіктен орындығы, жарығы және кестесі бар павильондар орнатуды сұраймыз.",
            text: "Абай даңғылы — Қостанайдағы ең көп жүретін автобус жолдарының бірі: ол арқылы ауруханаға, колледжге және орталық базарға бірнеше бағыт өтеді. Алайда аялдамалардың көбінде бағанадағы белгіден басқа ештеңе жоқ. Қыста дала желі отыз градустан асатын аяз әкелгенде, адамдар он-он бес минут бойы ашық аспан астында тұрады. Егде жолаушыларға отыратын орын жоқ, ал қараңғыда жүргізушілер аялдаманы әрең байқайды.\n\nБірнеше ескі темір павильон қалған, бірақ олардың шатыры ағып тұр, әйнектері көп жылдан бері сынық.\n\nҚостанай қаласының әкімдігінен Абай даңғылындағы әр аялдамаға шатыры, үш жағынан желден қорғанысы, орындығы мен жарығы бар заманауи павильондар орнатуды және сол жерге бағыттардың кестесін ілуді сұраймыз. Ірі аялдамаларда автобустың келу уақытын көрсететін электрондық таблолар да өте пайдалы болар еді.",
        },
        ru: Words {
            title: "Установить остановочные павильоны со скамейками на проспекте Абая в Костанае",
            summary: "Большинство остановок на проспекте — это просто табличка на столбе. Зимой люди ждут автобус на ветру и морозе, летом на солнцепёке. Просим акимат установить павильоны со скамейками, освещением и расписанием.",
            text: "Проспект Абая — один из самых загруженных автобусных коридоров Костаная: по нему идут несколько маршрутов к больнице, колледжу и центральному рынку. Но на большинстве остановок нет ничего, кроме таблички на столбе. Зимой, когда степной ветер приносит мороз ниже тридцати градусов, люди по десять-пятнадцать минут стоят под открытым небом. Пожилым пассажирам негде присесть, а в темноте водители едва замечают остановку.\n\nОсталось несколько старых металлических павильонов, но крыши у них протекают, а стёкла разбиты уже много лет.\n\nПросим акимат Костаная установить на каждой остановке проспекта Абая современные павильоны с крышей, защитой от ветра с трёх сторон, скамейкой и освещением, а также разместить там расписание маршрутов. На крупных остановках были бы очень полезны электронные табло прибытия автобусов.",
        },
        en: Words {
            title: "Install bus shelters with benches at the stops on Abai avenue in Kostanay",
            summary: "Most stops on the avenue are just a sign on a pole. In winter people wait for the bus in the wind and frost, in summer in the blazing sun. We ask the akimat to install shelters with benches, lighting and timetables.",
            text: "Abai avenue is one of the busiest bus corridors in Kostanay: several routes run along it to the hospital, the college and the central market. Yet most of its stops have nothing but a sign on a pole. In winter, when the steppe wind brings frosts below minus thirty, people stand in the open for ten or fifteen minutes. Elderly passengers have nowhere to sit, and in the dark drivers can hardly see the stop.\n\nA few old metal shelters remain, but their roofs leak and their glass has been broken for years.\n\nWe ask the akimat of Kostanay to install modern shelters with a roof, wind protection on three sides, a bench and lighting at every stop on Abai avenue, and to post the route timetables there. Electronic boards showing bus arrival times would also be very useful at the largest stops.",
        },
    },
    // 15. water: piped drinking water for new streets.
    Theme {
        topic: "water",
        kk: Words {
            title: "Қызылорда маңындағы ауылдың жаңа көшелеріне ауыз су құбырын тарту",
            summary: "Ауылымызға су құбыры он жыл бұрын тартылды, бірақ одан кейін салынған жаңа көшелер желіге әлі қосылмаған. 150-ге жуық отбасы суды әлі күнге дейін колонкадан тасиды немесе су тасығыштан сатып алады. Әкімдіктен желіні ұзартуды сұраймыз.",
            text: "Қызылорда маңындағы ауылымызға шамамен он жыл бұрын су құбыры тартылды, содан бері ауылдың ескі бөлігіндегі үйлерде кран бар. Бірақ осы онжылдықта ауыл өсті: тұрғын үйге бөлінген жерлерде төрт жаңа көше пайда болып, онда 150-ге жуық отбасы тұрады. Бұл көшелер желіге қосылмаған. Адамдар суды жалғыз колонкадан бидонмен тасиды немесе су тасығыштан сатып алып, ескі көшелердегі көршілерінен бірнеше есе көп төлейді.\n\nЖазда аптап қырық градустан асқанда колонка жиі құрғап қалады, таңертең оның алдында кезек түзіледі.\n\nҚызылорда облысының әкімдігі мен аудан әкімдігінен су құбырын жаңа көшелерге дейін ұзартуды бюджет жоспарына енгізуді, жобасын биыл дайындауды, ал құрылыс аяқталғанша ауыз суды қолжетімді бағамен тұрақты жеткізуді ұйымдастыруды сұраймыз.",
        },
        ru: Words {
            title: "Провести водопровод на новые улицы села под Кызылордой",
            summary: "Водопровод в наше село провели десять лет назад, но новые улицы, построенные после этого, так и не подключили. Около 150 семей до сих пор носят воду из колонки или покупают её у водовоза. Просим акимат продлить сеть.",
            text: "Наше село под Кызылордой получило водопровод около десяти лет назад, и в домах старой части села с тех пор есть краны. Но за это десятилетие село выросло: на участках, выделенных под жильё, появились четыре новые улицы, где живут около 150 семей. Их к сети так и не подключили. Люди носят воду бидонами из единственной колонки или покупают её у водовоза, платя в разы больше, чем соседи на старых улицах.\n\nЛетом, когда жара превышает сорок градусов, колонка часто пересыхает, и по утрам у неё выстраиваются очереди.\n\nПросим акимат Кызылординской области и акимат района включить продление водопровода на новые улицы в бюджетный план, подготовить проект в этом году, а до окончания строительства организовать регулярный подвоз питьевой воды по доступной цене.",
        },
        en: Words {
            title: "Bring piped drinking water to the new streets of a village near Kyzylorda",
            summary: "A water main reached our village ten years ago, but the new streets built since then were never connected. About 150 families still carry water from a standpipe or buy it from a water truck. We ask the akimat to extend the network.",
            text: "Our village near Kyzylorda got a water main about ten years ago, and since then the houses in the old part of the village have had running water. But over the past decade the village has grown: four new streets have appeared on land allocated for housing, and about 150 families live there. These streets were never connected. People carry water in cans from a single standpipe or buy it from a water truck, paying several times more than their neighbours on the old streets.\n\nIn summer, when the heat rises above forty degrees, the standpipe often runs dry, and queues form at it in the morning.\n\nWe ask the akimat of Kyzylorda region and the district akimat to include the extension of the water main to the new streets in the budget plan, to prepare the design this year and, until construction is finished, to arrange regular delivery of drinking water at an affordable price.",
        },
    },
    // 16. utilities: street lighting.
    Theme {
        topic: "utilities",
        kk: Words {
            title: "Тараздың шетіндегі жеке үйлер ауданында көше жарығын орнату",
            summary: "Тараздың шетіндегі жеке үйлер орналасқан бірнеше көшеде бірде-бір жанып тұрған шам жоқ. Қараңғыда тұрғындар аялдамадан үйге жолды телефонмен жарықтандырып жүреді. Әкімдіктен бұл көшелерге энергия үнемдейтін шамдар орнатуды сұраймыз.",
            text: "Тараздың шетіндегі жеке үйлер ауданымызда онға жуық көшеде көше жарығы жоқ. Кейбіреуінде ескі бағаналар тұр, бірақ шамдары баяғыда алынған немесе күйіп қалған, ал жаңа көшелерде олар ешқашан болмаған. Күзде және қыста сағат алтыға қарай қараңғы түседі, адамдар жұмыстан және оқудан қап-қараңғыда, жолын телефонмен жарықтандырып қайтады. Көліктер топырақ жолмен жаяу жүргіншілерді көрмей жүреді, ал түнде қаңғыбас иттер жиналады.\n\nТұрғындар көмектесуге дайын: кейбіреулері өз қаражатына қақпасының үстіне шам ілді, бірақ бұл жолды жарықтандырмайды.\n\nТараз қаласының әкімдігінен бұл көшелерді көше жарығы бағдарламасына енгізуді, бар бағаналарға жарықдиодты шамдар, ал жоқ жерлерге жаңа бағаналар орнатуды, оларды автоматты түрде қосылатын етіп, қалалық қызметтің қарауына беруді сұраймыз.",
        },
        ru: Words {
            title: "Установить уличное освещение в частном секторе на окраине Тараза",
            summary: "На нескольких улицах частного сектора на окраине Тараза нет ни одного работающего фонаря. В темноте жители идут от остановки домой, подсвечивая дорогу телефоном. Просим акимат установить на этих улицах энергосберегающие светильники.",
            text: "В нашем районе частной застройки на окраине Тараза около десяти улиц остаются без уличного освещения. На некоторых стоят старые опоры, но светильники давно сняты или перегорели, а на новых улицах их не было никогда. Осенью и зимой темнеет уже к шести часам, и люди возвращаются с работы и учёбы в полной темноте, освещая путь телефонами. Машины едут по грунтовым улицам, не видя пешеходов, а ночью собираются бродячие собаки.\n\nЖители готовы помогать: некоторые за свой счёт повесили лампы над воротами, но дорогу это не освещает.\n\nПросим акимат Тараза включить эти улицы в программу уличного освещения, установить светодиодные светильники на существующих опорах и новые опоры там, где их нет, подключить их к автоматическому включению и передать на обслуживание городской службе.",
        },
        en: Words {
            title: "Install street lighting in the private housing area on the outskirts of Taraz",
            summary: "Several streets of private houses on the outskirts of Taraz have not a single working street light. After dark residents walk home from the bus stop by the light of their phones. We ask the akimat to install energy-saving lamps on these streets.",
            text: "In our area of private houses on the outskirts of Taraz, about ten streets have no street lighting. Some of them have old poles, but the lamps were removed or burnt out long ago, and the newer streets never had any. In autumn and winter it gets dark by six o'clock, and people come home from work and school in complete darkness, lighting their way with their phones. Cars drive along the unpaved streets without seeing pedestrians, and stray dogs gather at night.\n\nResidents are ready to help: some have put lamps over their gates at their own expense, but this does not light the road.\n\nWe ask the akimat of Taraz to include these streets in the street lighting programme, to install LED lamps on the existing poles and new poles where there are none, to switch them on and off automatically, and to hand them over to the city service for maintenance.",
        },
    },
    // 17. education: a kindergarten queue.
    Theme {
        topic: "education",
        kk: Words {
            title: "Кезекті қысқарту үшін Қонаевта жаңа мемлекеттік балабақша ашу",
            summary: "Қонаевтың біз тұратын бөлігіндегі балалар мемлекеттік балабақшадан орын алу үшін үш-төрт жыл күтеді, көбі мектепке дейін орын ала алмайды. Әкімдіктен ауданда балабақша ашуды және кезекті ашық етуді сұраймыз.",
            text: "Соңғы жылдары Қонаев тез өсіп келеді, көптеген жас отбасылар жаңа тұрғын кварталдарға көшіп келді. Бірақ мемлекеттік балабақшалардағы орын саны іс жүзінде өзгерген жоқ. Ата-аналар баланы туылған бойда электрондық кезекке қояды, сонда да үш-төрт жыл күтеді. Көп аналар жұмысқа шыға алмайды, ал жеке балабақшалардың ақысы көп отбасының қалтасы көтермейтін деңгейде.\n\nЕң жақын мемлекеттік балабақша лық толы, ал жаңа кварталдарда балабақша мүлдем жоқ, дегенмен құрылыс жоспарында оған жер телімі белгіленген болатын.\n\nҚонаев қаласының әкімдігінен сол үшін сақталған телімде мемлекеттік балабақша салуды немесе аудандағы жеке балабақшаларға мемлекеттік тапсырыс орналастыруды, мүмкін болған жерде мектептер жанынан шағын орталықтар ашуды және ата-аналар кезектің қалай жылжитынын көруі үшін аудандар бойынша кезек статистикасын тұрақты жариялауды сұраймыз.",
        },
        ru: Words {
            title: "Открыть новый государственный детский сад в Конаеве, чтобы сократить очередь",
            summary: "Дети в нашей части Конаева ждут места в государственном детском саду по три-четыре года, и многие так и не получают его до школы. Просим акимат открыть детский сад в районе и сделать очередь прозрачной.",
            text: "Конаев в последние годы быстро растёт, и многие молодые семьи переехали в новые жилые кварталы. Но число мест в государственных детских садах почти не изменилось. Родители ставят ребёнка в электронную очередь сразу после рождения и всё равно ждут три-четыре года. Многие мамы не могут выйти на работу, а частные сады стоят больше, чем могут позволить себе многие семьи.\n\nБлижайший государственный сад переполнен, а в новых кварталах детского сада нет вовсе, хотя участок под него был обозначен в плане застройки.\n\nПросим акимат Конаева построить государственный детский сад на зарезервированном для него участке или разместить государственный заказ в частных садах района, где возможно, открыть мини-центры при школах и регулярно публиковать статистику очереди по районам, чтобы родители видели, как она движется.",
        },
        en: Words {
            title: "Open a new state kindergarten in Konaev to shorten the waiting list",
            summary: "Children in our part of Konaev wait three to four years for a place in a state kindergarten, and many reach school age without getting one. We ask the akimat to open a kindergarten in the area and to make the waiting list transparent.",
            text: "Konaev has grown quickly in recent years, and many young families have moved into the new residential blocks. But the number of places in state kindergartens has hardly changed. Parents put their child on the electronic waiting list right after birth and still wait three or four years. Many mothers cannot go back to work, and private kindergartens cost more than many families can afford.\n\nThe nearest state kindergarten is overcrowded, and the new blocks have no kindergarten at all, although a plot for one was marked on the development plan.\n\nWe ask the akimat of Konaev to build a state kindergarten on the plot reserved for it, or to place a state order with private kindergartens in the area, to open mini-centres at schools where possible, and to publish regular waiting list statistics by district so that parents can see how the queue moves.",
        },
    },
    // 18. roads: a missing footbridge.
    Theme {
        topic: "roads",
        kk: Words {
            title: "Ақтөбенің шығыс бөлігінде теміржол арқылы жаяу жүргіншілер көпірін салу",
            summary: "Күн сайын жүздеген тұрғын, оның ішінде оқушылар, теміржолды жаяу кесіп өтеді, себебі екі шақырым маңайында қауіпсіз өткел жоқ. Әкімдіктен осы жерге жаяу жүргіншілер көпірін салуды сұраймыз.",
            text: "Ақтөбенің шығыс бөлігіндегі теміржол үлкен тұрғын алапты мектептен, базардан және негізгі аялдамалардан бөліп тұр. Ең жақын ресми өткел — шамамен екі шақырым жердегі тротуары жоқ автомобиль туннелі. Сондықтан адамдар ең қысқа жолды таңдайды: тұрған жүк вагондарының арасынан өтіп, тура рельс үстімен жүреді. Олардың арасында портфель көтерген балалар, бала арбасы бар ата-аналар, егде адамдар бар.\n\nБұл жерде қауіпті жағдайлар бұрын да болған, ал қыста соқпақ мұзға айналады. Тек қоршау қою мәселені шешпейді: адамдар одан тесік іздей береді.\n\nАқтөбе қаласының әкімдігінен теміржол операторымен бірлесіп, адамдар қазір өтіп жүрген жерге пандустары немесе лифтілері бар жаяу жүргіншілер көпірін салуды және оған баратын жолдарды жарықтандыруды сұраймыз. Көпір салынғанға дейін дабылы бар уақытша күзетілетін өткел ұйымдастыруды өтінеміз.",
        },
        ru: Words {
            title: "Построить пешеходный мост через железную дорогу в восточной части Актобе",
            summary: "Каждый день сотни жителей, в том числе школьники, переходят железнодорожные пути пешком, потому что на два километра вокруг нет безопасного перехода. Просим акимат построить здесь пешеходный мост.",
            text: "Железная дорога в восточной части Актобе отделяет большой жилой массив от школы, рынка и основных остановок. Ближайший официальный переход — автомобильный тоннель почти в двух километрах, без тротуара. Поэтому люди идут кратчайшим путём: прямо через пути, пролезая между стоящими грузовыми вагонами. Среди них дети с портфелями, родители с колясками, пожилые люди.\n\nЗдесь уже случались опасные ситуации, а зимой тропа покрывается льдом. Один только забор проблему не решит: люди просто будут искать в нём дыру.\n\nПросим акимат Актобе совместно с железнодорожным оператором построить пешеходный мост с пандусами или лифтами в том месте, где люди переходят сейчас, и осветить подходы к нему. До его постройки просим организовать временный охраняемый переход с сигнализацией.",
        },
        en: Words {
            title: "Build a footbridge over the railway in the eastern part of Aktobe",
            summary: "Every day hundreds of residents, schoolchildren among them, cross the railway tracks on foot because there is no safe crossing within two kilometres. We ask the akimat to build a footbridge at this spot.",
            text: "The railway in the eastern part of Aktobe separates a large residential area from the school, the market and the main bus stops. The nearest official crossing is a road tunnel almost two kilometres away, with no pavement. So people take the shortest way: straight across the tracks, squeezing between standing freight wagons. Among them are children with school bags, parents with prams and elderly people.\n\nThere have already been dangerous incidents here, and in winter the path turns to ice. A fence alone will not solve the problem: people will simply look for a gap in it.\n\nWe ask the akimat of Aktobe, together with the railway operator, to build a footbridge with ramps or lifts where people cross now, and to light the approaches to it. Until it is built, we ask for a temporary guarded crossing with warning signals.",
        },
    },
];
