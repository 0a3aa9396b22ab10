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

nav-roles = Роли
login-forgot = Забыли пароль?
forgot-title = Сброс пароля
forgot-lead = Введите адрес почты вашей учётной записи. Если такая учётная запись есть, мы пришлём ссылку для нового пароля; ссылка действует один час.
forgot-submit = Отправить ссылку
confirm-email-title = Подтверждение почты
confirm-email-lead = Нажмите кнопку, чтобы подтвердить, что этот адрес почты принадлежит вам.
confirm-email-submit = Подтвердить почту
confirm-new-email-title = Подтверждение нового адреса
confirm-new-email-lead = Нажмите кнопку, чтобы сделать этот адрес почтой вашей учётной записи.
confirm-new-email-submit = Подтвердить новый адрес
reset-title = Новый пароль
reset-lead = Придумайте новый пароль. Вы выйдете на всех устройствах и сразу сможете войти с ним.
reset-submit = Установить пароль
field-new-password = Новый пароль
field-current-password = Текущий пароль
field-new-email = Новый адрес почты
change-password-title = Смена пароля
change-password-lead = Здесь вы останетесь в системе; на остальных устройствах произойдёт выход.
change-password-submit = Сменить пароль
change-email-title = Смена почты
change-email-lead = Мы отправим ссылку для подтверждения на новый адрес. Почта сменится, когда вы откроете её и подтвердите.
change-email-submit = Отправить ссылку
iin-title = Подтверждение ИИН
iin-lead = ИИН, совпадающий с датой рождения, повышает ваши подписи до уровня «проверенный ИИН». Мы храним только ключевой отпечаток номера, а не сам номер; один ИИН можно подтвердить только в одной учётной записи.
iin-submit = Подтвердить ИИН
field-iin = ИИН (12 цифр)
field-iin-hint = Ваш индивидуальный идентификационный номер, как в удостоверении личности.
field-birth-date = Дата рождения
field-sex = Пол
sex-female = Женский
sex-male = Мужской
delete-title = Удалить учётную запись
delete-lead = Ваше имя, почта, пароль и отпечаток ИИН будут стёрты, и вы выйдете на всех устройствах. Ваши подписи останутся в подсчётах обезличенными. Это нельзя отменить.
delete-submit = Удалить учётную запись
delete-confirm = Я понимаю, что это нельзя отменить.
delete-confirm-required = Отметьте флажок для подтверждения.
profile-email-verified = подтверждена
profile-email-unverified = не подтверждена
profile-verify-heading = Подтвердите почту
profile-verify-text = Мы отправили вам ссылку. Откройте её и нажмите кнопку, чтобы подтвердить почту; до этого подписывать петиции нельзя.
profile-verify-resend = Отправить ссылку ещё раз
profile-roles = Мои роли
profile-roles-none = У вас нет ролей на платформе.
role-acting-for = от имени
role-since = с
role-until = по
profile-petitions = Мои петиции
profile-petitions-none = Здесь появятся петиции, которые вы подадите.
profile-signatures = Мои подписи
profile-signatures-none = Здесь появятся петиции, которые вы подпишете.
profile-settings = Учётная запись
profile-export = Скачать мои данные (JSON)

done-registered = Учётная запись создана. Мы отправили вам ссылку для подтверждения почты.
done-verification-sent = Мы отправили новую ссылку. Прежние ссылки больше не действуют.
done-email-verified = Почта подтверждена.
done-reset-sent = Если учётная запись с этим адресом есть, ссылка для нового пароля уже в пути.
done-password-reset = Пароль установлен. Войдите с ним.
done-password-changed = Пароль изменён. На других устройствах произошёл выход.
done-email-change-sent = Мы отправили ссылку на новый адрес. Почта сменится после подтверждения.
done-email-changed = Почта изменена и подтверждена.
done-iin-recorded = ИИН подтверждён.
done-account-deleted = Учётная запись удалена.
done-role-granted = Роль назначена.
done-role-ended = Роль прекращена.

wrong-password = Текущий пароль неверен.
token-unknown = Эта ссылка недействительна. Проверьте, что скопировали её целиком, или запросите новую.
token-expired = Срок действия ссылки истёк. Запросите новую.
token-used = Эта ссылка уже использована. Если нужно, запросите новую.
email-unchanged = Это и так ваш адрес почты.
birth-date-invalid = Укажите дату рождения.
sex-required = Укажите пол.
date-invalid = Укажите дату в виде ДД.ММ.ГГГГ.

role-moderator = Модератор
role-council_secretary = Секретарь совета
role-council_member = Член совета
role-deputy = Депутат
role-deputy_staff = Помощник депутата
role-official = Должностное лицо
role-admin = Администратор
role-unknown = Выберите роль из списка.
role-user-unknown = Учётной записи с этим адресом нет.
role-body-not-allowed = Эта роль действует на всей платформе: оставьте орган пустым.
role-body-required = Выберите орган, для которого действует роль.
role-body-unknown = Выберите орган из списка.
role-body-wrong-kind = Эту роль нельзя назначить для органа такого вида.
role-dates-order = Дата окончания не может быть раньше даты начала.
role-deputy-unknown = Укажите почту депутата этого маслихата.
role-already-held = У этого человека уже есть эта роль в этом органе на эти даты.

roles-title = Роли
roles-forbidden = Ролями управляют только администраторы и секретари советов.
roles-grant = Назначить роль
roles-grant-admin-hint = Как администратор вы можете назначать любые роли.
roles-grant-secretary-hint = Как секретарь совета вы можете добавлять и исключать членов своего совета.
roles-grant-submit = Назначить роль
roles-field-email = Почта учётной записи
roles-field-role = Роль
roles-field-body = Орган
roles-field-body-hint = Пусто для модераторов и администраторов. Секретари и члены — общественный совет; депутаты и помощники — маслихат; должностные лица — акимат, министерство или Правительство.
roles-no-body = — вся платформа —
roles-field-for = От имени (почта депутата)
roles-field-for-hint = Только для помощников депутата.
roles-field-from = С (пусто — сегодня)
roles-field-to = По (необязательно)
roles-history = Все, у кого есть или была роль
roles-col-person = Человек
roles-col-role = Роль
roles-col-body = Орган
roles-col-dates = Сроки
roles-col-by = Назначил
roles-col-action = Прекратить
roles-not-current = не действует
roles-by-console = консоль сервера
roles-ended-by = прекратил
roles-last-day = Последний день
roles-end-submit = Прекратить

mail-greeting = Здравствуйте, { $name }!
mail-ignore = Если вы этого не запрашивали, просто проигнорируйте письмо: ничего не изменится.
mail-not-you = Если это были не вы, немедленно сбросьте пароль и напишите в поддержку платформы.
mail-signature = — Dauys, общественная платформа петиций и обращений
mail-verify-subject = Подтвердите почту на Dauys
mail-verify-body = Вы зарегистрировались на Dauys. Подтвердите, что этот адрес принадлежит вам, чтобы подписывать петиции.
mail-verify-action = Подтвердить почту
mail-verify-expiry = Ссылка действует 48 часов и только один раз.
mail-reset-subject = Новый пароль на Dauys
mail-reset-body = Кто-то запросил сброс пароля вашей учётной записи Dauys.
mail-reset-action = Задать новый пароль
mail-reset-expiry = Ссылка действует один час и только один раз.
mail-new-email-subject = Подтвердите новый адрес на Dauys
mail-new-email-body = Вы попросили сделать этот адрес почтой вашей учётной записи Dauys.
mail-new-email-action = Подтвердить новый адрес
mail-new-email-expiry = Ссылка действует 48 часов и только один раз.
mail-email-changing-subject = Почта вашей учётной записи Dauys меняется
mail-email-changing-body = Кто-то попросил сменить почту вашей учётной записи Dauys на { $new_email }. Она сменится только после подтверждения с нового адреса.
mail-password-changed-subject = Пароль на Dauys изменён
mail-password-changed-body = Пароль вашей учётной записи Dauys только что изменён, на всех устройствах произошёл выход.
