# Dauys — қазақша

skip-to-content = Мазмұнға өту
nav-label = Негізгі навигация
nav-home = Басты бет
nav-regions = Өңірлер
lang-switch-label = Тіл
footer-about = Dauys — Қазақстан өңірлеріндегі петициялар, қоғамдық кеңестер және депутаттық сауалдарға арналған ашық платформа.
footer-open = Әрбір жауап пен әрбір бұзылған мерзім баршаға ашық.
loading = Жүктелуде…

error-not-found = Табылмады.
error-forbidden = Бұл әрекетке құқығыңыз жоқ.
error-internal = Біз жақта қате шықты. Кейінірек қайталап көріңіз.

not-found-title = Бет табылмады
not-found-text = Бұл мекенжайда бет жоқ. Ол басқа жерге көшірілген болуы немесе сілтемеде қате болуы мүмкін.
not-found-home = Басты бетке өту
not-found-regions = Өңірлер тізіміне өту

home-title = Әр өңірдің үні
home-heading = Сіздің үніңіз естіліп, жауапсыз қалмайды
home-lead = Dauys петицияларды, қоғамдық кеңестерді және депутаттық сауалдарды бір ашық алаңға біріктіреді. Петицияны тиісті органға жолдаңыз, қолдар жинаңыз және жауап алғанға дейін бақылаңыз — барлық мерзім көз алдыңызда.
home-start-regions = Өз өңіріңізді табыңыз
home-start-government = Үкімет
home-who-heading = Dauys кімге арналған
home-citizens-title = Азаматтар
home-citizens-text = Мәселе көтеріңіз, петицияларға қол қойыңыз (бір адам — бір қол) және әрқайсысы қайда жіберілгенін, қандай жауап алғанын көріңіз.
home-councils-title = Қоғамдық кеңестер
home-councils-text = Хатшылар түскен өтініштерді саралап, отырыс күн тәртібіне енгізеді, шешімдер мен ұсынымдарды жариялайды.
home-deputies-title = Мәслихат депутаттары
home-deputies-text = Мәселелерді әкімдіктерге депутаттық сауалға айналдырыңыз және әр жауапты ашық тізілімде бақылаңыз.
home-officials-title = Әкімдіктер мен министрліктер
home-officials-text = Органыңызға жолданған петицияларды, сауалдар мен ұсынымдарды алып, оларға уақытында жауап беріңіз.
home-steps-heading = Петицияның жолы
home-step-file = Азамат петиция жазып, оны жауапты органға жолдайды.
home-step-moderation = Модераторлар оны жарияланған ережелер бойынша 20 жұмыс күні ішінде тексереді.
home-step-support = Петиция алғашқы 50 қолдаушыны жинап, баршаға ашылады.
home-step-threshold = Органның шегіне жеткенде петиция тіркеліп, органға жіберіледі.
home-step-answer = Органның жауап жариялауына 40 жұмыс күні бар.
home-step-public = Жауап та, кез келген кешігу де баршаға ашық қалады.

regions-title = Өңірлер
regions-lead = Он жеті облыс және республикалық маңызы бар үш қала. Әкімдігін, мәслихатын және қоғамдық кеңесін көру үшін өңірді таңдаңыз.
regions-cities = Республикалық маңызы бар қалалар
regions-oblasts = Облыстар

region-kato = ӘАОЖ коды
region-centre = Әкімшілік орталығы
region-since = Құрылған күні
region-population = Халық саны
region-population-value = { $count } ({ $year })
region-bodies = Органдар

body-kind = Түрі
body-level = Деңгейі
body-territory = Аумағы
body-parent = Жоғары тұрған орган
body-attached-to = Жанындағы орган
body-council = Қоғамдық кеңес
body-no-council = Жоқ
body-petitions-heading = Осы органға петициялар
body-threshold-fixed = Осында жолданған петицияға { $count } қол қажет.
body-threshold-percent = Осында жолданған петицияға { $count } қол қажет: { $population } халықтың { $percent }%-ы ({ $year }).
body-threshold-grade = Қолдар жеке басты растау деңгейі бойынша есептеледі: { $grade }.
body-no-petitions = Петициялар бұл органға тікелей жолданбайды.
body-children = Ведомстволық бағынысты органдар

territory-kind-country = Ел
territory-kind-oblast = Облыс
territory-kind-city = Республикалық маңызы бар қала
territory-kind-district = Аудан
territory-kind-regional_city = Облыстық маңызы бар қала
territory-kind-rural_district = Ауылдық округ
territory-kind-village = Ауыл

body-kind-government = Үкімет
body-kind-ministry = Министрлік
body-kind-akimat = Әкімдік
body-kind-maslikhat = Мәслихат
body-kind-public_council = Қоғамдық кеңес
body-kind-quasi_public = Квазимемлекеттік сектор субъектісі

body-level-national = Республикалық
body-level-regional = Облыстық
body-level-district = Аудандық
body-level-rural = Ауылдық

grade-email_verified = расталған пошта
grade-iin_checked = тексерілген ЖСН
grade-digital_signature = eGov ЭЦҚ

iin-error-format = ЖСН дәл 12 цифрдан тұрады.
iin-error-century = ЖСН-нің жетінші цифры 1-ден 6-ға дейін болуы керек.
iin-error-date = Бұл ЖСН-нің алғашқы алты цифры туған күн емес.
iin-error-future = Бұл ЖСН-дегі туған күн әлі келмеген.
iin-error-checksum = ЖСН-де қате бар: бақылау цифры сәйкес келмейді.

email-invalid = name@example.kz түріндегі пошта мекенжайын енгізіңіз.
email-taken = Бұл поштамен аккаунт бар. Кіріңіз немесе құпиясөзді қалпына келтіріңіз.
name-required = Платформада көрсетілетін атыңызды енгізіңіз.
name-too-long = Аты 100 таңбадан аспауы керек.
password-too-short = Құпиясөз кемінде 10 таңбадан тұруы керек.
password-too-long = Құпиясөз 128 таңбадан аспауы керек.
password-common = Бұл құпиясөз тым жиі қолданылады. Басқасын таңдаңыз.
region-unknown = Тізімнен өз өңіріңізді таңдаңыз.
wrong-credentials = Пошта немесе құпиясөз қате.
iin-mismatch = ЖСН көрсетілген туған күнге және жынысқа сәйкес келмейді.
iin-taken = Бұл ЖСН басқа аккаунтта расталған.

nav-login = Кіру
nav-register = Тіркелу
login-title = Кіру
login-submit = Кіру
login-no-account = Әлі аккаунтыңыз жоқ па?
register-title = Тіркелу
register-lead = Аккаунт арқылы петиция беруге және оларға қол қоюға болады. Поштаңыз ешқашан жария көрсетілмейді.
register-submit = Аккаунт ашу
register-have-account = Тіркелгенсіз бе?
field-email = Электрондық пошта
field-password = Құпиясөз
field-password-hint = Кемінде 10 таңба; бірнеше сөзден тұратын тіркесті есте сақтау оңай, ал табу қиын.
field-name = Платформадағы атыңыз
field-region = Тұратын өңіріңіз
field-region-choose = Өңірді таңдаңыз
profile-title = Менің профилім
profile-grade = Жеке басты растау деңгейі
profile-grade-none = пошта әлі расталмаған
profile-signed-out = Сіз жүйеге кірмегенсіз.
logout = Шығу
logout-everywhere = Барлық құрылғыларда шығу
error-rate-limited = Тым көп әрекет. Бірнеше минут күтіп, қайталап көріңіз.
