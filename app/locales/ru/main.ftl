# Dauys — русский

skip-to-content = Перейти к содержимому
nav-label = Основная навигация
nav-home = Главная
nav-regions = Регионы
lang-switch-label = Язык
footer-about = Dauys — открытая платформа для петиций, общественных советов и депутатских запросов в регионах Казахстана.
footer-open = Каждый ответ и каждое нарушение срока видны всем.
loading = Загрузка…

error-not-found = Не найдено.
error-forbidden = У вас нет прав на это действие.
error-internal = На нашей стороне произошла ошибка. Попробуйте позже.
error-bad-request = Не удалось прочитать запрос. Проверьте форму и попробуйте снова.

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
home-step-threshold = Когда собрано необходимое число подписей, петиция регистрируется и направляется в орган.
home-step-answer = У органа есть 40 рабочих дней, чтобы опубликовать ответ.
home-step-public = Ответ и любая задержка остаются открытыми для всех.

regions-title = Регионы
regions-lead = Семнадцать областей и три города республиканского значения. Выберите регион, чтобы увидеть его акимат, маслихат и общественный совет.
regions-cities = Города республиканского значения
regions-oblasts = Области

region-kato = Код КАТО
region-centre = Административный центр
region-since = Дата образования
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
body-threshold-fixed = Петиции в этот орган { $n ->
    [one] нужна { $count } подпись
    [few] нужно { $count } подписи
   *[other] нужно { $count } подписей
}.
body-threshold-percent = Петиции в этот орган { $n ->
    [one] нужна { $count } подпись
    [few] нужно { $count } подписи
   *[other] нужно { $count } подписей
}: это { $percent }% населения, которое в { $year } году составляло { $population } человек.
body-threshold-grade = Подписи учитываются на уровне подтверждения личности: { $grade }.
body-no-petitions = Петиции не адресуются этому органу напрямую.
body-children = Нижестоящие органы

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
email-taken = Учётная запись с этим адресом почты уже есть. Войдите или восстановите пароль.
name-required = Введите имя, которое будет видно на платформе.
name-no-letters = В имени должна быть хотя бы одна буква.
name-too-long = Имя может быть не длиннее 100 символов.
password-too-short = Пароль должен быть не короче 10 символов.
password-too-long = Пароль может быть не длиннее 128 символов.
password-common = Этот пароль слишком распространён. Выберите другой.
region-unknown = Выберите свой регион из списка.
wrong-credentials = Неверная почта или пароль.
iin-mismatch = ИИН не совпадает с указанными датой рождения и полом.
iin-taken = Этот ИИН уже подтверждён в другой учётной записи.

nav-login = Войти
nav-register = Регистрация
login-title = Вход
login-submit = Войти
login-no-account = Ещё нет учётной записи?
register-title = Регистрация
register-lead = С учётной записью можно подавать и подписывать петиции. Ваш адрес почты никогда не показывается публично.
register-submit = Создать учётную запись
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
change-email-lead = Мы отправим ссылку для подтверждения на новый адрес. Адрес почты сменится, когда вы перейдёте по этой ссылке и подтвердите смену.
change-email-submit = Отправить ссылку
iin-title = Подтверждение ИИН
iin-lead = ИИН, совпадающий с датой рождения, переводит ваши подписи на уровень «проверенный ИИН». Мы храним не сам номер, а только его отпечаток, вычисленный с секретным ключом; один ИИН можно подтвердить только в одной учётной записи.
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
role-acting-for = от имени { $who }
role-since = с { $date }
role-until = по { $date }
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
role-admin = Администратор платформы
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
roles-forbidden = Ролями управляют только администраторы платформы и секретари советов.
roles-grant = Назначить роль
roles-grant-admin-hint = Как администратор платформы вы можете назначать любые роли.
roles-grant-secretary-hint = Как секретарь совета вы можете добавлять и исключать членов своего совета.
roles-grant-submit = Назначить роль
roles-field-email = Почта учётной записи
roles-field-role = Роль
roles-field-body = Орган
roles-field-body-hint = Пусто для модераторов и администраторов платформы. Секретари и члены — общественный совет; депутаты и помощники — маслихат; должностные лица — акимат, министерство или Правительство.
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
roles-col-by = Кем назначена
roles-col-action = Прекратить
roles-not-current = не действует
roles-by-console = консоль сервера
roles-ended-by = кем прекращена: { $who }
roles-last-day = Последний день
roles-end-submit = Прекратить

mail-greeting = Здравствуйте, { $name }!
mail-ignore = Если Вы этого не запрашивали, просто проигнорируйте это письмо: ничего не изменится.
mail-not-you = Если это были не Вы, немедленно сбросьте пароль и напишите в поддержку платформы.
mail-signature = — Dauys, общественная платформа петиций и обращений
mail-verify-subject = Подтвердите почту на Dauys
mail-verify-body = Вы зарегистрировались на Dauys. Подтвердите, что этот адрес принадлежит Вам, чтобы подписывать петиции.
mail-verify-action = Подтвердить почту
mail-verify-expiry = Ссылка действует 48 часов и только один раз.
mail-reset-subject = Новый пароль на Dauys
mail-reset-body = Кто-то запросил сброс пароля Вашей учётной записи Dauys.
mail-reset-action = Задать новый пароль
mail-reset-expiry = Ссылка действует один час и только один раз.
mail-new-email-subject = Подтвердите новый адрес на Dauys
mail-new-email-body = Вы попросили сделать этот адрес почтой Вашей учётной записи Dauys.
mail-new-email-action = Подтвердить новый адрес
mail-new-email-expiry = Ссылка действует 48 часов и только один раз.
mail-email-changing-subject = Почта Вашей учётной записи Dauys меняется
mail-email-changing-body = Кто-то попросил сменить почту Вашей учётной записи Dauys на { $new_email }. Она сменится только после подтверждения с нового адреса.
mail-password-changed-subject = Пароль на Dauys изменён
mail-password-changed-body = Пароль Вашей учётной записи Dauys только что изменён, на всех устройствах произошёл выход.

## Petitions
nav-petitions = Петиции
nav-moderation = Модерация
nav-inbox = Входящие обращения
nav-reasons = Причины отклонения
yes = да
no = нет
petitions-title = Петиции
petitions-lead = Петиции в государственные органы: о чём просят граждане, сколько человек их поддерживает и что ответил орган.
petitions-start = Создать петицию
petitions-empty = Публичных петиций пока нет.
petition-col-title = Петиция
petition-col-body = Адресат
petition-col-status = Статус
petition-col-signatures = Подписи
petition-col-deadline = Срок
petition-status-draft = Черновик
petition-status-moderation = На модерации
petition-status-gathering = Сбор первичной поддержки
petition-status-open = Открыта для подписания
petition-status-under_consideration = На рассмотрении в органе
petition-status-answered = Получен ответ
petition-status-closed = Закрыта
petition-status-rejected = Отклонена
topic-roads = Дороги и улицы
topic-transport = Общественный транспорт
topic-water = Водоснабжение и водоотведение
topic-utilities = Отопление, электроснабжение, газ и вывоз мусора
topic-housing = Жильё
topic-health = Здравоохранение
topic-education = Школы и детские сады
topic-environment = Экология
topic-safety = Общественный порядок и безопасность
topic-social = Социальная поддержка
topic-economy = Экономика и предпринимательство
topic-other = Другое
event-submitted = Направлена на модерацию
event-returned = Возвращена автору на доработку
event-approved = Одобрена модерацией; идёт сбор первичной поддержки
event-rejected = Отклонена модерацией
event-moderation_overdue = Срок модерации нарушен
event-support_reached = Набрано достаточно первых сторонников: петиция открыта для всех
event-lapsed = Закрыта: первичная поддержка не набрана в срок
event-threshold_reached = Собрано необходимое число подписей
event-registered = Зарегистрирована и направлена в орган
event-threshold_lost = После аннулирования части подписей их стало меньше необходимого числа
event-answer_overdue = Орган просрочил ответ
event-answer_very_overdue = Орган сильно просрочил ответ (более чем вдвое против срока)
event-answered = Орган дал ответ
event-expired = Закрыта: срок сбора подписей истёк, необходимое число подписей не собрано
event-withdrawn = Отозвана автором
event-signatures_invalidated = Подписи аннулированы
event-claimed = Модератор взял на рассмотрение
event-clarification_asked = Орган запросил уточнение; течение срока ответа приостановлено
event-clarification_given = Пояснение дано; течение срока ответа возобновлено
event-forwarded = Передано в другой орган
event-received_by_forwarding = Поступило по передаче из другого органа
event-follow_up = Орган дополнил свой ответ
event-implementation_update = Орган сообщил о ходе исполнения своего ответа
event-closed = Закрыто после ответа
actor-author = автор
actor-moderator = модератор
actor-official = должностное лицо органа
actor-admin = администратор платформы
actor-system = платформа (по сроку)
actor-deputy = депутат
actor-council_secretary = секретарь совета
actor-citizen = гражданин
decision-accepted = Поддержано
decision-partly_accepted = Частично поддержано
decision-declined = Не поддержано
decision-not_competent = Не относится к компетенции органа
clock-moderation = Модерация до
clock-initial_support = Первичная поддержка до
clock-collection = Сбор подписей до
clock-answer = Орган должен ответить до
clock-state-due = в срок
clock-state-overdue = просрочено
clock-state-very_overdue = сильно просрочено
clock-state-paused = приостановлено: запрошено уточнение
petition-number = Петиция №
petition-registered-as = зарегистрирована под номером
petition-addressee = Кому адресована
petition-territory = Территория
petition-topic = Тема
petition-author = Автор
petition-deadline = Срок
petition-queue-position = Место в очереди модерации
petition-returned-note = Модератор вернул петицию на доработку:
petition-rejected-because = Отклонена. Причина:
petition-progress = Ход сбора подписей
petition-progress-support = Первые сторонники:
petition-progress-threshold = Подписи в зачёт необходимого числа:
petition-of = из
petition-signatures = { $n ->
    [one] подписи
    [few] подписей
   *[many] подписей
}
petition-support-hint = Петиция откроется для всех, когда наберёт столько сторонников. Учитывается уровень:
petition-grade-hint = В необходимое число засчитываются подписи уровня:
petition-summary = Краткое содержание
petition-text = Текст
petition-text-hidden = Модерация скрыла текст этой петиции; причина указана в хронологии.
petition-answer = Ответ органа
petition-recent-signers = Недавно подписали
petition-by-region = Подписи по регионам
petition-timeline = Хронология
timeline-reason = Причина:
petition-author-panel = Ваша петиция
petition-edit = Редактировать черновик
petition-share-hint = Поделитесь ссылкой на эту страницу: пока петиция не наберёт первых сторонников, она доступна только по прямой ссылке.
petition-withdraw = Отозвать петицию
sign-show-name = Показывать моё имя и первую букву фамилии в списке подписавших
sign-notify = Прислать мне ответ органа на почту
sign-submit = Подписать петицию
sign-you-signed = Вы подписали эту петицию.
sign-withdraw = Отозвать подпись
sign-login = Войдите, чтобы подписать петицию
sign-verify-first = Подтвердите адрес почты, чтобы подписывать петиции (см. профиль).
sign-closed = Сейчас эта петиция не принимает подписи.
sign-rate-limited = Слишком много подписей за короткое время. Попробуйте позже.
sign-iin-used = Человек с вашим ИИН уже подписал эту петицию с другой учётной записи.
withdraw-closed = Подпись под этой петицией уже нельзя отозвать.
withdraw-not-signed = Вы не подписывали эту петицию, поэтому отзывать нечего.
answer-rate = Оцените ответ (1 — плохо, 5 — отлично)
answer-rate-submit = Оценить
answer-rating-average = Средняя оценка
answer-ratings = { $n ->
    [one] { $count } оценка
    [few] { $count } оценки
   *[many] { $count } оценок
}
answer-not-rated = Ответ пока никто не оценил.
answer-form-title = Ответ от имени органа
answer-decision = Решение
answer-text = Ответ с обоснованием
answer-submit = Опубликовать ответ
answer-text-empty = Напишите ответ.
answer-text-long = Ответ слишком длинный (не более 20 000 символов).
answer-decision-unknown = Выберите решение.
answer-not-awaited = Здесь ответ больше не ожидается (возможно, тем временем ответ уже дан или обращение передано в другой орган).
rating-invalid = Выберите оценку от 1 до 5.
rating-no-answer = Оценивать пока нечего: ответа ещё нет.
file-title = Создать петицию
file-login-first = Чтобы создать петицию, войдите с подтверждённой почтой.
file-lead = Напишите, о чём и к кому вы обращаетесь. Перед публикацией петицию проверит модератор.
file-rule-moderation = Модерация занимает до { $days ->
    [one] { $days } рабочего дня
    [few] { $days } рабочих дней
   *[many] { $days } рабочих дней
}.
file-rule-support = После одобрения петиция должна собрать { $count ->
    [one] { $count } подпись
    [few] { $count } подписи
   *[many] { $count } подписей
} за { $days ->
    [one] { $days } рабочий день
    [few] { $days } рабочих дня
   *[many] { $days } рабочих дней
}; до этого она доступна только по ссылке.
file-rule-answer = Когда необходимое число подписей собрано, у органа есть { $days ->
    [one] { $days } рабочий день
    [few] { $days } рабочих дня
   *[many] { $days } рабочих дней
} на ответ.
file-step-where = 1. Где и о чём
file-territory = Территория, которой касается петиция
file-topic = Тема
file-topic-choose = Выберите тему
file-show-bodies = Показать органы, которые могут ответить
file-body = 2. Кто должен ответить
file-levels-hint = Адресуйте петицию тому уровню, который решает вопрос: сельская дорога или двор — дело местного акимата, а не Правительства; законы и государственные программы — дело министерства или Правительства. Для каждого органа нужно своё число подписей.
file-choose-first = Выберите территорию и тему выше, чтобы увидеть органы.
file-suggested = рекомендуется
file-body-threshold = { $n ->
    [one] нужна { $count } подпись
    [few] нужно { $count } подписи
   *[many] нужно { $count } подписей
}
file-collection-months = срок сбора: { $n ->
    [one] { $n } месяц
    [few] { $n } месяца
   *[many] { $n } месяцев
}
file-collection-working_days = срок сбора: { $n ->
    [one] { $n } рабочий день
    [few] { $n } рабочих дня
   *[many] { $n } рабочих дней
}
file-collection-calendar_days = срок сбора: { $n ->
    [one] { $n } день
    [few] { $n } дня
   *[many] { $n } дней
}
file-field-title = Заголовок
file-field-title-hint = До 120 символов: о чём вы просите, одной строкой.
file-field-summary = Краткое содержание
file-field-summary-hint = До 500 символов.
file-field-text = Полный текст
file-field-text-hint = До 6 000 символов: в чём проблема, что вы просите сделать орган и почему. Разделяйте абзацы пустой строкой.
file-prohibited = Петиции не могут касаться следующих тем:
file-confirm = Подтверждаю, что моя петиция не касается ни одной из этих тем
file-submit = Отправить на модерацию
file-save-draft = Сохранить черновик
petition-title-empty = Укажите заголовок.
petition-title-long = Заголовок слишком длинный (не более 120 символов).
petition-summary-empty = Напишите краткое содержание.
petition-summary-long = Краткое содержание слишком длинное (не более 500 символов).
petition-text-empty = Напишите текст петиции.
petition-text-long = Текст слишком длинный (не более 6 000 символов).
petition-topic-unknown = Выберите тему.
petition-territory-unknown = Выберите территорию.
petition-body-unknown = Выберите орган, которому адресована петиция.
petition-body-not-addressable = Этому органу нельзя адресовать петиции.
petition-body-territory = Выбранная территория не относится к ведению этого органа.
petition-confirm-required = Подтвердите, что петиция не касается запрещённых тем.
petition-verify-first = Подтвердите адрес почты, прежде чем создавать петицию.
petition-not-draft = Эта петиция уже не черновик, и её нельзя изменить.
petition-cannot-withdraw = Эту петицию уже нельзя отозвать.
moderation-title = Очередь модерации
moderation-lead = Сначала самые старые. Модерация должна занимать не более 20 рабочих дней; просроченные отмечены.
moderation-empty = Очередь пуста.
moderation-claimed-by = Рассматривает
moderation-panel = Модерация
moderation-claim-hint = Возьмите петицию на рассмотрение, чтобы другой модератор не работал с ней одновременно (на 30 минут).
moderation-claim = Взять на рассмотрение
moderation-approve = Одобрить и опубликовать
moderation-return-note = Что автору нужно исправить
moderation-return = Вернуть на доработку
moderation-reason = Причина отклонения
moderation-reason-choose = Выберите причину
moderation-hides-text = скрывает текст
moderation-reject-note = Комментарий (публичный)
moderation-reject = Отклонить
moderation-claimed-by-another = Эту петицию рассматривает другой модератор.
moderation-not-in-queue = Этой петиции уже нет в очереди модерации.
moderation-note-empty = Напишите, что автору нужно исправить.
moderation-note-long = Комментарий слишком длинный (не более 2 000 символов).
moderation-reason-unknown = Выберите причину из списка.
moderation-decision-unknown = Выберите решение.
inbox-title = Обращения, ожидающие ответа вашего органа
inbox-lead = Все обращения, адресованные органам, за которые вы отвечаете: сначала просроченные, затем по сроку ответа. Каждый ответ и каждое нарушение срока видны всем.
inbox-empty = Подходящих обращений нет.
reasons-title = Причины отклонения
reasons-code = Код
reasons-name = Причина
reasons-name-kk = Причина на казахском
reasons-name-ru = Причина на русском
reasons-name-en = Причина на английском
reasons-active = используется
reasons-save = Добавить или изменить причину
reasons-save-hint = Если код уже есть, причина будет изменена; новый код добавляет причину. Коды, начинающиеся с «prohibited-», образуют список запрещённых тем, который показывается при подаче петиции.
reason-code-invalid = Используйте строчные латинские буквы, цифры и дефисы (не более 64 символов).
reason-name-invalid = Укажите причину на каждом языке (не более 300 символов).
fraud-title = Аннулировать подписи
fraud-hint = Подписи, отвечающие всем заданным условиям, аннулируются и больше не учитываются; подписавшим об этом не сообщается. Действие и его причина отражаются в хронологии.
fraud-ip = IP-адрес
fraud-domain = Домен почты
fraud-from = Подписано с (время Астаны)
fraud-to = Подписано до (время Астаны)
fraud-reason = Причина
fraud-submit = Аннулировать подписи, отвечающие условиям
fraud-filter-empty = Укажите хотя бы одно условие.
fraud-reason-empty = Укажите причину.
done-petition-submitted = Петиция отправлена на модерацию.
done-draft-saved = Черновик сохранён.
done-petition-withdrawn = Петиция отозвана.
done-petition-back-to-draft = Петиция отозвана с модерации и снова стала черновиком: её видите только вы.
done-draft-deleted = Черновик удалён.
petition-too-many-drafts = У вас уже 20 черновиков. Отправьте или удалите один из них, прежде чем начинать новый.
done-signed = Спасибо, ваша подпись учтена. Счётчик обновится в течение нескольких секунд.
done-already-signed = Вы уже подписали эту петицию.
done-signature-withdrawn = Ваша подпись отозвана.
done-claimed = Петиция закреплена за вами на ближайшие 30 минут.
done-approved = Петиция одобрена, идёт сбор первичной поддержки.
done-returned = Петиция возвращена автору.
done-rejected = Петиция отклонена.
done-answered = Ответ опубликован.
done-rated = Спасибо за оценку ответа.
done-signatures-invalidated = Подписи, отвечающие условиям, аннулированы.
done-reason-saved = Причина сохранена.
mail-answered-subject = Орган ответил на Вашу петицию на Dauys
mail-answered-body = Орган ответил на петицию «{ $title }». Прочитайте ответ на странице петиции и оцените его.
mail-answered-action = Прочитать ответ
mail-answered-why = Вы получили это письмо, потому что создали или подписали эту петицию и попросили сообщить об ответе.

## Обращения: всё, на что орган должен ответить
case-kind = Вид
case-kind-petition = Петиция
case-kind-inquiry = Депутатский запрос
case-kind-recommendation = Рекомендация общественного совета
case-kind-proposal = Предложение в общественный совет
case-state = Статус
case-state-awaiting_answer = Ожидает ответа
case-state-answered = Ответ дан в срок
case-state-answered_late = Ответ дан с нарушением срока
case-state-forwarded = Передано в другой орган
case-state-withdrawn = Отозвано
case-state-closed = Закрыто
progress-planned = Запланировано
progress-in_progress = Выполняется
progress-done = Выполнено
progress-not_done = Не будет выполнено
case-number = Обращение №
case-subject = Предмет обращения
case-body = Орган
case-registered = Дата регистрации
case-due = Срок ответа
case-origin = Исходный документ
case-origin-petition = Прочитать петицию
case-origin-inquiry = Прочитать запрос
case-origin-recommendation = Прочитать рекомендацию
case-origin-proposal = Прочитать предложение
case-forwarded-from = Передано из органа
case-forwarded-to = Передано в орган
case-clarifications = Уточнение
case-question = Вопрос
case-reply = Пояснение
case-awaiting-reply = Ожидается пояснение автора; течение срока ответа органа приостановлено.
case-no-reply = Пояснение не было дано до ответа органа.
case-updates = После ответа
case-follow-up = Дополнительный ответ
case-ask-title = Запросить уточнение у автора
case-ask-hint = Со следующего дня и до пояснения автора течение срока ответа органа приостанавливается. Вопрос и пояснение публичны.
case-ask-submit = Запросить
case-reply-title = Орган запрашивает у вас уточнение
case-reply-submit = Отправить пояснение
case-forward-title = Передать в компетентный орган
case-forward-hint = Если вопрос не относится к компетенции вашего органа, передайте его в орган, к компетенции которого он относится. Причина видна всем; там срок ответа начинается заново.
case-forward-to = Куда передать
case-forward-choose = Выберите орган
case-forward-reason = Причина (публичная)
case-forward-submit = Передать
case-update-title = После ответа
case-update-kind = Что вы публикуете?
case-update-implementation = Сообщение о ходе исполнения
case-progress = Ход исполнения
case-progress-date = Дата (плановая или фактическая)
case-update-text = Текст
case-update-submit = Опубликовать
case-close = Закрыть обращение
petition-case = Обращение в органе
timeline-body = Орган:
filters = Фильтры
filter-any = Любой
filter-apply = Показать
filter-region = Регион
filter-body-kind = Вид органа
filter-year = Год
responsiveness-title = Как отвечают органы
responsiveness-lead = Каждый орган, в который поступали петиции и другие обращения: сколько поступило, на сколько ответ дан в срок или с нарушением срока, сколько просрочено сейчас, сколько времени занимает ответ и как люди оценивают его ответы.
responsiveness-csv = Скачать в CSV
responsiveness-min-cases = { $n ->
    [one] Орган, в который поступило менее { $count } обращения, не получает места в рейтинге.
    [few] Орган, в который поступило менее { $count } обращений, не получает места в рейтинге.
   *[many] Орган, в который поступило менее { $count } обращений, не получает места в рейтинге.
}
responsiveness-empty = Нет органов, в которые поступали подходящие обращения.
responsiveness-rank = Место
responsiveness-received = Поступило
responsiveness-on-time = В срок
responsiveness-late = С нарушением срока
responsiveness-overdue = Просрочено сейчас
responsiveness-very-overdue = Сильно просрочено сейчас
responsiveness-median = Медианный срок (рабочих дней)
responsiveness-rating = Оценка
nav-responsiveness = Как отвечают органы
body-record = Как отвечает этот орган
body-no-cases = В этот орган пока не поступало ни петиций, ни других обращений.
done-clarification-asked = Вопрос отправлен; до пояснения автора течение срока ответа приостановлено.
done-clarification-given = Ваше пояснение отправлено; течение срока ответа органа возобновлено.
done-forwarded = Обращение передано. Это его страница в новом органе.
done-case-updated = Сообщение опубликовано.
done-case-closed = Обращение закрыто.
case-kind-unknown = Выберите вид из списка.
case-state-unknown = Выберите статус из списка.
progress-unknown = Выберите ход исполнения.
case-date-invalid = Укажите дату, к которой относится сообщение.
case-update-kind-unknown = Выберите, что вы публикуете.
sort-unknown = Таблицу нельзя отсортировать по этому признаку.
clarification-empty = Напишите вопрос или пояснение.
clarification-long = Слишком длинный текст (не более 4 000 символов).
clarification-open = Вопрос уже ожидает пояснения автора.
clarification-none-open = Нет вопроса, ожидающего вашего пояснения.
case-not-awaiting = Это обращение больше не ожидает ответа.
case-not-answered = На это обращение ещё нет ответа.
case-already-open = По этому уже есть открытое обращение.
forward-reason-empty = Напишите, почему его нужно передать в этот орган.
forward-reason-long = Причина слишком длинная (не более 2 000 символов).
forward-body-unknown = Выберите орган из списка.
forward-same-body = Обращение и так находится в этом органе.
mail-case-updated-subject = Новости по обращению, за которым Вы следите на Dauys
mail-case-updated-body = Орган опубликовал новости по обращению «{ $title }»: дополнение к своему ответу или сообщение о ходе его исполнения.
mail-case-updated-action = Прочитать новости
mail-case-updated-why = Вы получили это письмо, потому что создали или подписали это обращение и попросили сообщить об ответе.
mail-clarification-subject = Орган запрашивает у Вас уточнение на Dauys
mail-clarification-body = Орган, рассматривающий обращение «{ $title }», задаёт Вам вопрос. Течение его срока ответа приостановлено, пока Вы не дадите пояснение на странице обращения.
mail-clarification-action = Дать пояснение
mail-clarification-why = Вы получили это письмо, потому что создали это обращение.
case-documents = Документы
case-attach-title = Приложить документы
case-attach-hint = PDF, PNG, JPEG, ODT или DOCX; не более 10 МБ каждый и не более 5 к одной записи. Документы публичны.
case-attach-to = К чему приложить
case-attach-files = Файлы
case-attach-submit = Приложить
done-documents-attached = Документы приложены.
document-item = Выберите, к чему относятся документы.
document-none = Выберите хотя бы один файл.
document-empty = Один из файлов пуст.
document-too-big = Один из файлов больше 10 МБ.
document-too-many = К одной записи можно приложить не более 5 документов.
document-type = Принимаются только файлы PDF, PNG, JPEG, ODT и DOCX.
document-type-mismatch = Содержимое файла не соответствует типу, указанному в его названии.
document-name = Недопустимое название файла: без папок и специальных символов.
