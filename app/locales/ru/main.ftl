# Dauys — русский

skip-to-content = Перейти к содержимому
nav-label = Основная навигация
nav-home = Главная
nav-regions = Регионы
lang-switch-label = Язык
footer-about = Dauys — открытая платформа для петиций, общественных советов и депутатских запросов в регионах Казахстана.
footer-open = Каждый ответ и каждый сорванный срок видны всем.
loading = Загрузка…

error-not-found = Не найдено.
error-forbidden = У вас нет прав на это действие.
error-internal = На нашей стороне произошла ошибка. Попробуйте позже.

not-found-title = Страница не найдена
not-found-text = По этому адресу нет страницы. Возможно, она перемещена или в ссылке опечатка.
not-found-home = На главную
not-found-regions = К списку регионов

home-title = Голос каждого региона
home-heading = Ваш голос услышат и ответят
home-lead = Dauys объединяет петиции, общественные советы и депутатские запросы в одном открытом месте. Направьте петицию в нужный орган, соберите подписи и следите за ней до ответа — все сроки на виду.
home-start-regions = Найти свой регион
home-start-government = Правительство
home-who-heading = Для кого Dauys
home-citizens-title = Граждане
home-citizens-text = Поднимайте вопросы, подписывайте петиции (один человек — одна подпись) и смотрите, куда ушла каждая и каков ответ.
home-councils-title = Общественные советы
home-councils-text = Секретари разбирают поступившее, включают в повестку заседаний и публикуют решения и рекомендации.
home-deputies-title = Депутаты маслихатов
home-deputies-text = Превращайте проблемы в депутатские запросы акиматам и отслеживайте каждый ответ в открытом реестре.
home-officials-title = Акиматы и министерства
home-officials-text = Получайте петиции, запросы и рекомендации, адресованные вашему органу, и отвечайте в срок.
home-steps-heading = Путь петиции
home-step-file = Гражданин пишет петицию и адресует её ответственному органу.
home-step-moderation = Модераторы проверяют её по опубликованным правилам в течение 20 рабочих дней.
home-step-support = Петиция собирает первых 50 сторонников и открывается для всех.
home-step-threshold = Когда набран порог органа, петиция регистрируется и направляется в орган.
home-step-answer = У органа есть 40 рабочих дней, чтобы опубликовать ответ.
home-step-public = Ответ и любая задержка остаются открытыми для всех.

regions-title = Регионы
regions-lead = Семнадцать областей и три города республиканского значения. Выберите регион, чтобы увидеть его акимат, маслихат и общественный совет.
regions-cities = Города республиканского значения
regions-oblasts = Области

region-kato = Код КАТО
region-centre = Административный центр
region-since = Образована
region-population = Население
region-population-value = { $count } ({ $year })
region-bodies = Органы

body-kind = Вид
body-level = Уровень
body-territory = Территория
body-parent = Вышестоящий орган
body-attached-to = При органе
body-council = Общественный совет
body-no-council = Нет
body-petitions-heading = Петиции в этот орган
body-threshold-fixed = Петиции, адресованной сюда, { $n ->
    [one] нужна { $count } подпись
    [few] нужно { $count } подписи
   *[other] нужно { $count } подписей
}.
body-threshold-percent = Петиции, адресованной сюда, { $n ->
    [one] нужна { $count } подпись
    [few] нужно { $count } подписи
   *[other] нужно { $count } подписей
}: { $percent }% населения в { $population } человек ({ $year }).
body-threshold-grade = Подписи учитываются на уровне подтверждения личности: { $grade }.
body-no-petitions = Петиции не адресуются этому органу напрямую.
body-children = Подведомственные органы

territory-kind-country = Страна
territory-kind-oblast = Область
territory-kind-city = Город республиканского значения
territory-kind-district = Район
territory-kind-regional_city = Город областного значения
territory-kind-rural_district = Сельский округ
territory-kind-village = Село

body-kind-government = Правительство
body-kind-ministry = Министерство
body-kind-akimat = Акимат
body-kind-maslikhat = Маслихат
body-kind-public_council = Общественный совет
body-kind-quasi_public = Субъект квазигосударственного сектора

body-level-national = Республиканский
body-level-regional = Областной
body-level-district = Районный
body-level-rural = Сельский

grade-email_verified = подтверждённая почта
grade-iin_checked = проверенный ИИН
grade-digital_signature = ЭЦП eGov

iin-error-format = ИИН состоит ровно из 12 цифр.
iin-error-century = Седьмая цифра ИИН должна быть от 1 до 6.
iin-error-date = Первые шесть цифр этого ИИН не являются датой рождения.
iin-error-future = Дата рождения в этом ИИН ещё не наступила.
iin-error-checksum = В ИИН опечатка: не сходится контрольная цифра.

email-invalid = Введите адрес почты вида name@example.kz.
email-taken = Аккаунт с этой почтой уже есть. Войдите или восстановите пароль.
name-required = Введите имя, которое будет видно на платформе.
name-too-long = Имя может быть не длиннее 100 символов.
password-too-short = Пароль должен быть не короче 10 символов.
password-too-long = Пароль может быть не длиннее 128 символов.
password-common = Этот пароль слишком распространён. Выберите другой.
region-unknown = Выберите свой регион из списка.
wrong-credentials = Неверная почта или пароль.
iin-mismatch = ИИН не совпадает с указанными датой рождения и полом.
iin-taken = Этот ИИН уже подтверждён в другом аккаунте.

nav-login = Войти
nav-register = Регистрация
login-title = Вход
login-submit = Войти
login-no-account = Ещё нет аккаунта?
register-title = Регистрация
register-lead = С аккаунтом можно подавать и подписывать петиции. Ваша почта никогда не показывается публично.
register-submit = Создать аккаунт
register-have-account = Уже зарегистрированы?
field-email = Электронная почта
field-password = Пароль
field-password-hint = Не короче 10 символов; фразу из нескольких слов легко запомнить и трудно угадать.
field-name = Имя на платформе
field-region = Регион проживания
field-region-choose = Выберите регион
profile-title = Мой профиль
profile-grade = Уровень подтверждения личности
profile-grade-none = почта ещё не подтверждена
profile-signed-out = Вы не вошли в систему.
logout = Выйти
logout-everywhere = Выйти на всех устройствах
error-rate-limited = Слишком много попыток. Подождите несколько минут и попробуйте снова.
