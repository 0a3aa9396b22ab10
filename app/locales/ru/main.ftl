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
file-show-bodies = Показать органы, которые могут ответить, и похожие петиции
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
reasons-title = Каталог причин
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
fraud-grounds = Основание (публично: в журнале подписей и в реестре модерации)
fraud-grounds-fraud = Мошенничество: купленные или поддельные подписи, боты
fraud-grounds-duplicate = Повтор: один и тот же человек подписал несколько раз
fraud-grounds-ineligible = Нет права: подписавшие не вправе подписывать эту петицию
fraud-grounds-invalid = Выберите основание из списка.
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

## Public councils
nav-councils = Общественные советы
councils-title = Общественные советы
councils-lead = Все общественные советы: проводят ли они заседания, сколько в них членов с правом голоса и не просрочены ли предложения и рекомендации, которыми они занимаются. Таблицу можно отсортировать по любому столбцу.
council-col-name = Совет
council-col-body = При органе
council-col-last-meeting = Последнее заседание
council-col-meetings = Заседаний за последние 12 месяцев
council-col-members = Члены с правом голоса
council-col-vacancies = Вакантные места
council-col-overdue = Просрочено
council-never-met = Сведений о заседаниях нет
council-dormant = { $n ->
    [one] Заседаний нет уже { $count } месяц
    [few] Заседаний нет уже { $count } месяца
   *[many] Заседаний нет уже { $count } месяцев
}
council-of = Создан при органе:
council-purpose = Общественный совет выражает общественные интересы, осуществляет общественный контроль за органом, при котором создан, и превращает инициативы граждан в решения этого органа. Его заседания открыты; их повестки дня, протоколы и рекомендации публикуются здесь.
council-actions = Что вы можете сделать
council-calendar = Календарь заседаний (iCalendar)
council-health = Как работает совет
council-no-meeting = Пока не было
council-voting-members = Члены с правом голоса (необходимый минимум)
council-overdue-proposals = Просроченные предложения
council-overdue-recommendations = Просроченные рекомендации
council-recommendations = Рекомендации органу
council-no-recommendations = Рекомендаций пока нет.
council-meetings = Заседания
council-no-meetings = Заседаний пока не было.
council-proposals = Предложения граждан
council-no-proposals = Предложений пока нет.
council-members = Члены совета
council-no-members = Сведений о членах совета нет.
council-members-now = Действующие члены совета
council-members-former = Бывшие члены совета
council-without-body = Этот совет не создан ни при каком органе, поэтому рекомендацию некуда направить.
member-name = Фамилия, имя, отчество
member-position = Должность в совете
member-organisation = Представляемая организация
member-voting = Право голоса
member-term = Срок полномочий
member-starts = Первый день срока полномочий
member-ends = Последний день срока полномочий
member-email = Почта учётной записи (если она есть у члена совета)
member-add = Добавить члена совета
member-end = Прекратить членство
member-position-chair = Председатель
member-position-deputy_chair = Заместитель председателя
member-position-secretary = Секретарь
member-position-member = Член совета
member-name-empty = Укажите фамилию, имя и отчество члена совета.
member-name-long = Слишком длинное имя.
member-position-unknown = Выберите должность из списка.
member-organisation-long = Название организации слишком длинное.
member-start-missing = Укажите первый день срока полномочий.
member-end-missing = Укажите последний день срока полномочий.
member-end-before-start = Срок полномочий не может закончиться раньше, чем начался.
member-date-invalid = Укажите дату: день, месяц и год.
member-account-unknown = Учётной записи с этим адресом нет.
member-already-ended = Это членство уже прекращено.
meeting-new = Запланировать заседание
meeting-title = Заседание
meeting-date = Дата
meeting-time = Время (Астана)
meeting-when = Когда
meeting-format = Формат
meeting-place = Место
meeting-url = Ссылка для участия онлайн
meeting-create = Создать черновик
meeting-format-in_person = Очно
meeting-format-online = Онлайн
meeting-format-hybrid = Очно и онлайн
meeting-state-draft = Черновик (виден только совету)
meeting-state-published = Повестка дня опубликована
meeting-state-closed = Состоялось, протокол опубликован
meeting-quorum = Кворум
meeting-presence = Присутствует членов с правом голоса: { $present } из { $voting }; для принятия решений нужно не менее { $quorum }
meeting-calendar = Добавить в календарь (.ics)
meeting-agenda = Повестка дня
meeting-agenda-empty = Повестка дня пуста.
meeting-minutes = Протокол
meeting-minutes-text = Текст протокола
meeting-minutes-save = Сохранить протокол
meeting-attendance = Присутствие
meeting-present = Присутствующие члены с правом голоса
meeting-attendance-save = Сохранить отметки о присутствии
meeting-close = Закрыть заседание
meeting-back = Вернуться к странице совета
meeting-date-missing = Укажите дату заседания.
meeting-in-past = Дата заседания уже прошла.
meeting-time-invalid = Укажите время в часах и минутах.
meeting-format-unknown = Выберите формат из списка.
meeting-place-missing = Укажите место заседания.
meeting-place-long = Описание места слишком длинное.
meeting-url-invalid = Укажите ссылку для участия онлайн как веб-адрес, начинающийся с https://.
meeting-not-draft = Повестка дня уже опубликована.
meeting-not-published = Сначала опубликуйте повестку дня.
meeting-not-yet = Заседание ещё не состоялось.
meeting-closed = Заседание закрыто.
meeting-undecided-items = Чтобы закрыть заседание, по каждому вопросу повестки дня нужно принять решение или отметить его как «Отложено до следующего заседания».
meeting-no-minutes = Прежде чем закрыть заседание, составьте протокол.
agenda-add = Добавить вопрос в повестку дня
agenda-item-title = Вопрос
agenda-publish = Опубликовать повестку дня
agenda-publish-hint = После публикации повестка дня видна всем. Заседание должно состояться не ранее { $date }.
agenda-too-late = Повестку дня нужно было опубликовать раньше: до заседания осталось меньше времени, чем требует срок оповещения.
agenda-empty = Прежде чем опубликовать повестку дня, добавьте в неё хотя бы один вопрос.
agenda-title-empty = Напишите, о чём этот вопрос.
agenda-title-long = Название вопроса слишком длинное.
agenda-takes-unknown = Выберите предложение или петицию из списка.
agenda-proposal-unknown = Это предложение не направлялось в этот совет.
agenda-petition-unknown = Эта петиция не находится на рассмотрении органа, при котором создан этот совет.
agenda-takes-proposal = Рассматривается предложение гражданина
agenda-takes-petition = Рассматривается петиция
agenda-outcome-pending = Решение ещё не принято
agenda-outcome-decided = Решение принято
agenda-outcome-deferred = Отложено до следующего заседания
agenda-votes = За: { $for }, против: { $against }, воздержались: { $abstained }
agenda-votes-for = Голоса «за»
agenda-votes-against = Голоса «против»
agenda-votes-abstained = Воздержались
agenda-decision = Решение
agenda-recommendation = Рекомендация органу
agenda-recommendation-hint = Необязательно. Орган обязан ответить на рекомендацию в установленный срок; его ответ и то, что сделано, отслеживаются на странице этого совета.
agenda-answer = Что решение означает для предложения
agenda-answer-auto = С рекомендацией — «Поддержано», без неё — «Частично поддержано»
agenda-decide = Записать решение
agenda-decide-submit = Записать решение
agenda-defer = Отложить до следующего заседания
agenda-item-decided = По этому вопросу решение уже принято.
quorum-not-met = Кворума нет: для принятия решения присутствует слишком мало членов с правом голоса.
votes-exceed-present = Голосов в сумме больше, чем присутствующих членов с правом голоса.
votes-invalid = Укажите число голосов целым числом.
decision-empty = Напишите решение.
decision-long = Текст решения слишком длинный.
recommendation-long = Текст рекомендации слишком длинный.
minutes-empty = Напишите протокол.
minutes-long = Протокол слишком длинный.
attendance-not-voting-member = Присутствующими можно отметить только членов, у которых в день заседания есть право голоса.
attendance-after-decisions = После того как записано решение, отметки о присутствии изменить нельзя.
proposal-new = Направить предложение в совет
proposal-lead = Ваше предложение сразу становится публичным. Другие могут его поддержать, а совет обязан ответить в установленный срок.
proposal-title = Заголовок
proposal-text = Ваше предложение
proposal-territory = Территория (код КАТО)
proposal-territory-hint = Необязательно: код территории, которой касается предложение.
proposal-send = Отправить предложение
proposal-to = Предложение в
proposal-sent-on = Отправлено
proposal-due = Совет должен ответить до
proposal-supporters-label = Сторонники
proposal-supporters = { $n ->
    [one] { $count } сторонник
    [few] { $count } сторонника
   *[many] { $count } сторонников
}
proposal-support = Поддержать это предложение
proposal-you-support = Вы поддерживаете это предложение.
proposal-hidden = Скрыто
proposal-hidden-because = Секретарь совета скрыл это предложение из открытого доступа:
proposal-hide = Скрыть из открытого доступа
proposal-hide-reason = Причина (публичная)
proposal-merge = Объединить как дубликат
proposal-merge-into = Номер предложения, которое оно дублирует
proposal-merged-into = Дублирует предложение
proposal-duplicates = Дубликаты, объединённые с этим предложением
proposal-respond = Ответить, запросить уточнение или передать в другой орган
proposal-title-empty = Укажите заголовок.
proposal-title-long = Заголовок слишком длинный.
proposal-text-empty = Напишите ваше предложение.
proposal-text-long = Предложение слишком длинное.
proposal-duplicate = Вы только что отправили это предложение.
proposal-already-hidden = Это предложение уже скрыто.
hide-reason-empty = Укажите причину.
hide-reason-long = Причина слишком длинная.
merge-self = Предложение не может быть дубликатом самого себя.
merge-target-unknown = Укажите номер предложения, направленного в этот совет.
merge-cycle = То предложение уже объединено с этим как дубликат.
desk-title = Рабочий стол секретаря
desk-proposals = Предложения, ожидающие рассмотрения
desk-empty = Нет предложений, ожидающих ваших действий.
desk-petitions = Петиции в орган, при котором создан совет (общественный контроль)
desk-no-petitions = У органа нет петиций на рассмотрении.
desk-meeting = Заседание
desk-no-meeting = Запланируйте заседание, чтобы включать вопросы в его повестку дня.
desk-put-on-agenda = Включить в повестку дня
desk-item-handled = Это предложение уже рассмотрено.
desk-state-new = Новое
desk-state-on_agenda = В повестке дня заседания
desk-state-merged = Объединено как дубликат
desk-state-forwarded = Передано в орган
desk-state-declined = Отклонено
desk-state-decided = Совет принял решение
recommendation-of = Рекомендацию вынес
recommendation-from-meeting = Заседание, на котором принято решение
recommendation-status-awaiting_answer = Ожидается ответ органа
recommendation-status-overdue = Просрочена
recommendation-status-accepted = Принята
recommendation-status-implemented = Выполнена
recommendation-status-not_implemented = Не выполнена
recommendation-status-declined = Отклонена органом
event-put_on_agenda = Включено в повестку дня заседания
event-merged = Объединено как дубликат
event-hidden = Скрыто из открытого доступа
event-decided = Совет принял решение
event-recommended = Совет вынес рекомендацию
done-proposal-sent = Ваше предложение отправлено и опубликовано.
done-supported = Спасибо: ваша поддержка учтена.
done-already-supported = Вы уже поддерживаете это предложение.
done-proposal-hidden = Предложение скрыто из открытого доступа.
done-proposal-merged = Предложение объединено как дубликат.
done-member-added = Член совета добавлен.
done-member-ended = Членство прекращено.
done-meeting-created = Заседание запланировано как черновик.
done-agenda-item-added = Вопрос включён в повестку дня.
done-agenda-published = Повестка дня опубликована.
done-attendance-recorded = Присутствие отмечено.
done-item-decided = Решение записано.
done-item-deferred = Вопрос отложен до следующего заседания.
done-minutes-saved = Протокол сохранён.
done-meeting-closed-done = Заседание закрыто, его протокол опубликован.
agenda-comments = Комментарии членов совета
agenda-comments-internal = Внутренние: их видят только члены совета, они никогда не публикуются.
agenda-comment = Комментарий для совета (внутренний)
agenda-comment-submit = Добавить комментарий
comment-empty = Введите комментарий.
comment-long = Комментарий слишком длинный.
desk-forwarded = Обращения, переданные совету
done-comment-added = Ваш комментарий добавлен (его видит только совет).
council-follow = Получать новости совета по почте
council-unfollow = Не получать новости совета
follow-invalid = Выберите, следить ли за советом.
done-followed = Вы следите за советом: его новые повестки, протоколы и рекомендации будут приходить по почте.
done-unfollowed = Вы больше не следите за этим советом.
unfollow-title = Отписаться от писем совета
unfollow-lead = Вы больше не будете получать письма о новых повестках, протоколах и рекомендациях совета:
unfollow-submit = Отписаться
mail-council-agenda-subject = Общественный совет, за которым Вы следите, опубликовал повестку
mail-council-agenda-body = { $council } проведёт заседание { $title }. Повестка опубликована; заседание открыто для публики.
mail-council-agenda-action = Прочитать повестку
mail-council-minutes-subject = Общественный совет, за которым Вы следите, опубликовал протокол
mail-council-minutes-body = { $council } опубликовал протокол и решения заседания { $title }.
mail-council-minutes-action = Прочитать протокол
mail-council-recommendation-subject = Общественный совет, за которым Вы следите, вынес рекомендацию
mail-council-recommendation-body = { $council } вынес рекомендацию своему органу по вопросу «{ $title }». Орган должен ответить в установленный срок.
mail-council-recommendation-action = Прочитать рекомендацию
mail-council-why = Вы получили это письмо, потому что Вы следите за этим советом на Dauys.
mail-unsubscribe = Отписаться от этих писем
case-origin-documents-petition = Документы петиции
case-origin-documents-proposal = Документы предложения
case-origin-documents-inquiry = Документы запроса
case-origin-documents-recommendation = Документы рекомендации
proposal-attach = Приложить документы к вашему предложению (PDF, PNG, JPEG, ODT или DOCX; до 5)

# Councils: declining with a catalogue reason, meeting documents
reasons-scope = Для чего
scope-petition = Петиции
scope-proposal = Предложения советам
reason-scope-invalid = Выберите, для чего эта причина.
desk-decline = Отклонить
desk-decline-reason = Причина
desk-decline-text = Пояснение автору (публикуется)
decline-reason-unknown = Выберите причину из списка.
done-proposal-declined = Предложение отклонено; автору сообщена причина.
proposal-declined-for = Причина отклонения
meeting-materials = Материалы
meeting-minutes-signed = Подписанный протокол
meeting-attach = Приложить документы
meeting-attach-hint = PDF, PNG, JPEG, ODT или DOCX; не больше 10 МБ каждый и не больше 5 одного вида. Материалы проекта видит только совет; после публикации повестки их видят все.
found-title = Создать общественный совет
found-lead = Здесь можно создать общественный совет при министерстве, акимате или квазигосударственной организации, у которых его ещё нет. Секретаря и членов совета затем назначают на странице ролей.
found-none = У всех министерств, акиматов и квазигосударственных организаций есть общественные советы.
found-body = Орган, при котором действует совет
found-body-choose = Выберите орган
found-name-kk = Название на казахском
found-name-ru = Название на русском
found-name-en = Название на английском
found-submit = Создать совет
found-then-roles = Назначить секретаря совета на странице ролей
council-body-unknown = Выберите из списка министерство, акимат или квазигосударственную организацию.
council-name-empty = Введите название совета.
council-name-long = Название слишком длинное (не больше 300 символов).
council-exists = У этого органа уже есть общественный совет.
done-council-founded = Совет создан. Назначьте его секретаря на странице ролей.
proposal-answer = Ответ совета
nav-inquiries = Депутатские запросы
nav-inquiry = Подготовить запрос
inquiries-title = Депутатские запросы
inquiries-lead = Все запросы, которые депутаты маслихатов направили акиматам, со сроком ответа, ответом и дальнейшими действиями депутата. Просроченные ответы отмечены.
inquiries-empty = Подходящих запросов нет.
inquiries-csv = Скачать в CSV
inquiries-overdue-only = Только просроченные ответы
inquiries-state-awaiting = Ожидает ответа
inquiries-state-answered = Ответ получен, запрос не закрыт
inquiries-state-closed = Закрыт депутатом
inquiry-kind = Депутатский запрос
inquiry-title = Предмет запроса
inquiry-text = Текст запроса
inquiry-deputy = Депутат
inquiry-maslikhat = Маслихат
inquiry-addressee = Кому адресован
inquiry-addressee-hint = Акимат уровня вашего маслихата или ниже либо одно из его структурных подразделений.
inquiry-addressee-choose = Выберите адресата
inquiry-territory = Территория (код КАТО)
inquiry-sent-on = Дата направления
inquiry-standing = Текущее состояние
inquiry-cosigners = Депутаты, присоединяющиеся к запросу
inquiry-prepared-by = Кто подготовил
inquiry-petition = На основании петиции
inquiry-petition-hint = Номер опубликованной петиции, если запрос основан на ней.
inquiry-assessment = Оценка ответа депутатом
inquiry-private-note = Закрытая заметка
inquiry-private-note-hint = Её видят только депутат и его помощники.
inquiry-answer = Ответ
inquiry-steps = Дальнейшие действия депутата
inquiry-continued-by = Продолжение запроса
inquiry-outcome = Результат
inquiry-draft = Черновик
inquiry-draft-hint-deputy = Этот черновик видите только вы и ваши помощники. После отправки запрос регистрируется у адресата, а срок ответа отсчитывается с сегодняшнего дня.
inquiry-draft-hint-staff = Этот черновик видят только депутат и его помощники. Направляет его сам депутат.
inquiry-edit = Редактировать черновик
inquiry-send = Направить запрос
inquiry-new = Подготовить запрос
inquiry-new-lead = Запрос готовит депутат или его помощник; направляет его депутат, который и остаётся автором.
inquiry-save = Сохранить черновик
inquiry-drafts = Черновики депутата и помощников
inquiry-after = После ответа
inquiry-assess = Ответ удовлетворительный?
inquiry-assess-submit = Записать оценку
inquiry-step-add = Записать выезд на место, заслушивание или направление в прокуратуру
inquiry-step-kind = Действие
inquiry-step-on = Дата
inquiry-step-text = Выводы или результат (публичные)
inquiry-step-submit = Записать
inquiry-continue = Отправить повторный запрос или направить в другой орган
inquiry-continue-how = Вид
inquiry-continue-follow_up = Повторный запрос тому же адресату
inquiry-continue-referral = Направление в другой орган
inquiry-refer-to = Куда направить
inquiry-refer-to-hint = Только для направления в другой орган.
inquiry-refer-to-none = (тот же адресат)
inquiry-continue-submit = Направить
inquiry-close = Закрыть запрос
inquiry-close-note = Итоговый комментарий (публичный)
inquiry-close-submit = Закрыть с этим результатом
inquiry-figures = Показатели
inquiry-figures-sent = Направлено запросов
inquiry-figures-on-time = Ответ дан в срок
inquiry-figures-late = Ответ дан с нарушением срока
inquiry-figures-overdue = Просрочено сейчас
inquiry-figures-awaiting = Ожидают ответа, срок не истёк
inquiry-figures-follow-ups = Повторные запросы и направления в другие органы
inquiry-figures-escalations = Выезды на место, заслушивания, направления в прокуратуру
inquiry-figures-by-topic = Запросы по темам
inquiry-figures-by-month = Запросы по месяцу направления
inquiry-figures-outcomes = Закрытые запросы по результатам
deputy-of = Депутат маслихата:
deputy-in-office = Действующий депутат
deputy-former = Бывший депутат
deputy-district = Избирательный округ
deputy-terms = Сроки полномочий
deputy-topics = Тематика работы
maslikhat-deputies = Действующие депутаты
maslikhat-no-deputies = На платформе пока не зарегистрирован ни один депутат.
petition-deputies = Депутаты
petition-adopted-by = Петицию взяли в работу депутаты:
petition-adopt = Взять петицию в работу
petition-adopt-hint = Как депутат маслихата вы можете взять петицию в работу и направить на её основе запрос.
inquiry-state-draft = Черновик
inquiry-state-sent = Направлен
inquiry-state-closed = Закрыт
assessment-satisfactory = Удовлетворительный
assessment-unsatisfactory = Неудовлетворительный
outcome-resolved = Решено
outcome-partly = Решено частично
outcome-not_resolved = Не решено
step-site_visit = Выезд на место
step-hearing = Заслушивание на сессии маслихата
step-referral = Направление в прокуратуру
inquiry-link-follow_up = Повторный запрос по запросу
inquiry-link-referral = Направление в другой орган по запросу
event-sent = Направлен депутатом и зарегистрирован
event-adopted = Взята в работу депутатом
event-answer_satisfactory = Депутат признал ответ удовлетворительным
event-answer_unsatisfactory = Депутат признал ответ неудовлетворительным
event-follow_up_inquiry = Депутат направил повторный запрос
event-site_visit = Депутат выехал на место
event-referred = Депутат направил запрос в другой орган
event-hearing = Заслушан на сессии маслихата
event-closed_resolved = Закрыт депутатом: решено
event-closed_partly = Закрыт депутатом: решено частично
event-closed_not_resolved = Закрыт депутатом: не решено
inquiry-addressee-missing = Выберите адресата.
inquiry-addressee-unknown = Выберите адресата из списка.
inquiry-title-empty = Укажите предмет запроса.
inquiry-title-long = Предмет запроса слишком длинный (не более 300 символов).
inquiry-text-empty = Напишите текст запроса.
inquiry-text-long = Текст слишком длинный (не более 20 000 символов).
inquiry-note-long = Заметка слишком длинная (не более 4 000 символов).
inquiry-petition-unknown = Опубликованной петиции с таким номером нет.
inquiry-cosigner-unknown = Присоединиться могут только действующие депутаты того же маслихата.
inquiry-not-draft = Запрос уже направлен.
inquiry-not-open = Запрос уже закрыт.
inquiry-not-answered = Адресат ещё не ответил.
inquiry-already-assessed = Ответ уже оценён.
inquiry-step-empty = Опишите выводы или результат.
inquiry-step-long = Текст слишком длинный (не более 20 000 символов).
inquiry-step-date = Укажите дату не раньше дня направления запроса и не позднее чем через год.
inquiry-assessment-unknown = Укажите, удовлетворительный ли ответ.
inquiry-step-unknown = Выберите действие.
inquiry-link-unknown = Выберите повторный запрос или направление в другой орган.
inquiry-outcome-unknown = Выберите результат.
done-inquiry-saved = Черновик сохранён.
done-inquiry-sent = Запрос направлен и зарегистрирован у адресата.
done-inquiry-assessed = Оценка записана.
done-inquiry-step-added = Записано.
done-inquiry-closed = Запрос закрыт.
done-petition-adopted = Вы взяли петицию в работу.
inquiry-attach = Приложить документы и фотографии (на странице обращения)
maslikhat-open-of-former = Открытые запросы бывших депутатов
maslikhat-open-of-former-hint = Полномочия этих депутатов истекли; запросы остаются за маслихатом, и адресат по-прежнему обязан на них ответить.
inquiry-place = Территория

## Поиск петиций: список, поиск, графики, «Поделиться», главная страница
list-search-label = Поиск петиций
list-search-hint = Слова из заголовка или текста на казахском (кириллицей или латиницей), русском или английском.
list-status = Статус
list-body = Адресат
list-sort = Сортировка
list-sort-signed = Больше всего подписей
list-sort-trending = Больше всего подписей за 24 часа
list-sort-newest = Сначала новые
list-sort-closing = Скоро закроются
list-sort-relevance = Наиболее подходящие
list-page-filter = Страница
list-ignored = Значения этих фильтров не распознаны и не учтены: { $names }.
list-pagination = Страницы списка
list-prev = Предыдущая страница
list-next = Следующая страница
list-page = Страница { $page } из { $pages }
list-found = { $n ->
    [one] Найдена { $n } петиция
    [few] Найдено { $n } петиции
    [many] Найдено { $n } петиций
   *[other] Найдено { $n } петиции
}
list-past-end = Список заканчивается раньше этой страницы.
list-first-page = Перейти на первую страницу
list-none = Подходящих петиций нет. Попробуйте меньше слов или фильтров.
list-recent = +{ $n } за 24 часа
list-their-petitions = Петиции
chart-time-title = Подписи по времени
chart-time-summary = Всего подписей: { $total } за { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}, с { $from } по { $to }; больше всего подписей собрано { $busiest }: { $most }.
chart-time-peak = Максимум за день: { $n }
chart-time-legend = Столбцы — подписи за день. Линия — нарастающий итог.
chart-time-table = Подписи по дням в виде таблицы
chart-day = День
chart-signatures = Подписи
chart-per-10k = На 10 000 жителей
chart-map-legend = Каждая клетка — регион, примерно там, где он находится на карте; чем клетка темнее, тем большая доля жителей региона подписала (на 10 000).
chart-shade-0 = нет
chart-shade-1 = меньше всего
chart-shade-2 = мало
chart-shade-3 = средне
chart-shade-4 = много
chart-shade-5 = больше всего
petition-percent = ({ $n }%)
share-title = Поделиться
share-mail = По электронной почте
share-link = Ссылка на эту петицию
file-working-title = Рабочий заголовок (необязательно)
file-working-title-hint = Несколько слов о том, о чём вы просите: мы покажем похожие петиции, и вы сможете подписать одну из них вместо того, чтобы начинать новую.
file-suggested-bodies = Рекомендуемые для этой территории и темы
file-bodies-national = Республиканские органы
file-bodies-regional = Областные органы
file-bodies-district = Районные и городские органы
file-bodies-rural = Сельские органы
file-similar = Петиции, похожие на вашу:
file-similar-hint = Если одна из них просит о том же, подпись под ней придаст ей больше веса, чем вторая такая петиция.
home-alive = Платформа в цифрах
home-open = Петиции, открытые для подписания
home-signatures-week = Подписи за последние 7 дней
home-answers-month = Петиции с ответом в этом месяце
home-on-time = Ответы в срок
home-percent = { $n }%
home-trending = Сейчас собирают подписи
home-trending-none = Пока ни одна петиция не открыта для подписания.
home-all-open = Все открытые петиции
home-answered = Недавно получили ответ
home-answered-none = Пока ни одна петиция не получила ответа.
home-all-answered = Все петиции с ответом
home-overdue = Органы, просрочившие ответы
home-overdue-count = { $n ->
    [one] { $n } просроченное обращение
    [few] { $n } просроченных обращения
    [many] { $n } просроченных обращений
   *[other] { $n } просроченного обращения
}
home-responsiveness = Как отвечает каждый орган
list-csv = Скачать этот список (CSV)
list-feed = Лента новых и отвеченных петиций (Atom)
list-api = API открытых данных
feed-petitions-title = открытые и отвеченные петиции
feed-opened = Открыта для подписей
feed-answered = Получен ответ
receipt-title = Квитанция о вашей подписи
receipt-intro = Каждая учтённая подпись — это запись в открытом журнале подписей, который может проверить любой. Сохраните эту квитанцию: с ней вы в любой момент сможете проверить, что ваша подпись есть в журнале и учитывается. Вашего имени в квитанции нет; связывает запись с вами только секретный код в ней.
receipt-pending = Ваша подпись добавляется в журнал (это займёт не больше минуты). Квитанция уже действует; скопируйте её ещё раз чуть позже, чтобы в ней был и номер записи.
receipt-label = Квитанция (скопируйте или скачайте её)
receipt-download = Скачать квитанцию
receipt-check = Проверить сейчас
verify-title = Проверка подписи
verify-lead = Вставьте квитанцию о подписи, чтобы проверить, что подпись есть в открытом журнале подписей и учитывается в своей петиции. Журнал устроен как дерево Меркла, по образцу журналов Certificate Transparency: записи в него можно добавлять, но изменить или удалить их незаметно нельзя.
verify-petition = Петиция № { $id }
verify-counted = Эта подпись есть в журнале и учитывается.
verify-counted-detail = Это запись № { $index }, и последняя заверенная контрольная точка ({ $size ->
    [one] { $size } запись
    [few] { $size } записи
   *[many] { $size } записей
}) её включает: доказательство включения верно.
verify-consistent = Последняя контрольная точка продолжает ту, что указана в вашей квитанции ({ $size ->
    [one] { $size } запись
    [few] { $size } записи
   *[many] { $size } записей
}), ничего в ней не меняя: доказательство согласованности верно.
verify-withdrawn = Эта подпись была в журнале, но подписавший отозвал её.
verify-withdrawn-detail = Это была запись № { $index }; более поздняя запись фиксирует отзыв подписи, поэтому она больше не учитывается.
verify-pending = Эта подпись принята и появится в журнале в течение минуты. Проверьте ещё раз чуть позже.
verify-failed = Эта квитанция не прошла проверку.
verify-fail-not-receipt = Это не квитанция о подписи: она должна начинаться со строки «dauys-receipt/v1».
verify-fail-malformed = Квитанция повреждена: какая-то строка пропущена, повторяется или изменена. Скопируйте её ещё раз целиком.
verify-fail-other-site = Эта квитанция из журнала другого сайта.
verify-fail-checkpoint-signature = Контрольная точка в квитанции не заверена ключом этого сайта: её изменили, или она не отсюда.
verify-fail-index-past-log = Номер записи в квитанции выходит за конец журнала.
verify-fail-not-this-entry = Запись с этим номером — не та подпись, к которой относится секретный код квитанции.
verify-fail-not-included = Этой записи нет в дереве последней контрольной точки.
verify-fail-checkpoint-ahead = Контрольная точка в квитанции новее последней контрольной точки сайта.
verify-fail-inconsistent = Последняя контрольная точка журнала не согласуется с той, что указана в квитанции: журнал был изменён. Пожалуйста, сообщите нам об этом.
verify-fail-revoked = Эта подпись была в журнале, но позже аннулирована (причина указана в хронологии петиции).
verify-fail-latest-signature = Последняя контрольная точка журнала не подписана ключом этого сайта. Пожалуйста, сообщите об этом.
verify-fail-unknown = Подписи с секретным кодом этой квитанции нет ни в журнале, ни среди ожидающих добавления в него.
verify-browser-working = Повторная проверка в вашем браузере…
verify-browser-intro = Повторно проверено в вашем браузере: по заверенной контрольной точке сайта и доказательствам браузер сам заново вычислил каждый хэш и проверил подпись ключа.
verify-browser-detail = Запись № { $index }, размер журнала: { $size }.
verify-browser-error = Ваш браузер не смог повторить проверку: журнал не прочитан. Проверка сайта выше остаётся в силе; попробуйте позже.
verify-receipt-label = Квитанция о подписи
verify-submit = Проверить
verify-how-title = Проверьте сами
verify-how = Журнал, его заверенные контрольные точки и доказательства открыты. Программа dauys-verify из исходного кода платформы скачивает весь журнал, заново вычисляет его и сверяет каждый подсчёт подписей с тем, что показывает сайт.
verify-link-checkpoint = Последняя заверенная контрольная точка
verify-link-key = Ключ, которым заверяются контрольные точки
verify-link-api = API журнала (записи, доказательства включения и согласованности)
footer-verify = Проверить подпись
record-title = Реестр решений модерации
record-lead = Все решения модерации и все случаи аннулирования подписей, сначала новые: когда, по какой петиции, что решено и почему. Кто принял решение, не показывается, как и никто из подписавших. Петиция, возвращённая автору на доработку, не публикуется, поэтому показан только её номер.
record-totals = Всего одобрено: { $approved }, возвращено на доработку: { $returned }, отклонено: { $rejected }. Аннулирование подписей: { $invalidations ->
    [one] { $invalidations } решение
    [few] { $invalidations } решения
   *[many] { $invalidations } решений
}, в итоге из подсчёта { $signatures ->
    [one] исключена { $signatures } подпись
    [few] исключены { $signatures } подписи
   *[many] исключено { $signatures } подписей
}.
record-not-public = Петиция № { $id } (не публикуется)
record-kind-approved = Одобрена
record-kind-returned = Возвращена на доработку
record-kind-rejected = Отклонена
record-kind-signatures-invalidated = Подписи аннулированы
record-grounds-fraud = Мошенничество
record-grounds-duplicate = Повторные подписи
record-grounds-ineligible = Нет права подписывать
record-removed = { $n ->
    [one] { $n } подпись исключена из подсчёта
    [few] { $n } подписи исключены из подсчёта
   *[many] { $n } подписей исключено из подсчёта
}
record-date = Дата
record-petition = Петиция
record-decision = Решение
record-detail = Причина или результат
record-pages = Страницы реестра
footer-record = Реестр решений модерации

## Administration (issue 17)
nav-admin = Администрирование
footer-rules = Изменения правил
admin-title = Администрирование
admin-lead = Всё, из чего складываются правила платформы, меняется здесь без участия разработчика. Каждое изменение записывается: кто и когда его внёс, какое значение было до него и какое стало после.
admin-thresholds = Необходимое число подписей
admin-thresholds-hint = Сколько подписей нужно петиции в зависимости от вида и уровня органа и подписи какого уровня подтверждения личности учитываются.
admin-calendar = Календарь праздничных дней
admin-calendar-hint = Праздничные дни, перенесённые выходные дни и рабочие выходные дни, по которым считается каждый срок в рабочих днях.
admin-settings = Настройки платформы
admin-settings-hint = Ограничения на подписание, хранение данных, правила общественных советов и сроки ответа на депутатские запросы.
admin-reasons-hint = Причины отклонения петиций и отказа в поддержке предложений, а также запрещённые темы.
admin-councils-hint = Создать общественный совет при органе.
admin-roles-hint = Назначение и прекращение ролей модераторов, должностных лиц, секретарей и депутатов.
admin-changes = Журнал изменений
admin-changes-hint = Каждое изменение, внесённое здесь, и кто его внёс.
admin-public-hint = Открытая страница изменений необходимого числа подписей, сроков и праздничных дней.
admin-changes-lead = Каждое изменение, внесённое в разделе «Администрирование», начиная с самых новых. У изменений, внесённых из командной строки, имени нет.
admin-now = Текущее значение:
admin-save = Сохранить
admin-rule-fixed = { $n ->
    [one] { $count } подпись
    [few] { $count } подписи
   *[other] { $count } подписей
}
admin-rule-percent = { $percent }% населения территории
admin-thresholds-lead = Новое правило применяется к петициям, одобренным после изменения. Петиция, одобренная раньше, сохраняет то число, с которым она была одобрена, — и при сборе первичной поддержки, и при сборе подписей.
admin-thresholds-hint-form = Укажите либо фиксированное число подписей, либо процент населения (например, 2 или 0,5), а другое поле оставьте пустым.
admin-signatures = Фиксированное число подписей
admin-percent = Или процент населения
admin-grade = Учитываемый уровень подтверждения личности
admin-calendar-lead = Сроки в рабочих днях считаются по этому календарю. Изменение сразу сдвигает ещё не истёкшие сроки: если срок по обращению приходится на день, который становится праздничным, он переносится на следующий рабочий день.
admin-calendar-years = Годы
admin-calendar-of = Календарь на { $year } год
admin-calendar-empty = Для этого года ещё не задано ни одного дня.
admin-calendar-day = Дата
admin-calendar-kind = Вид дня
admin-calendar-name = Название
admin-calendar-action = Действие
admin-calendar-remove = Удалить
admin-calendar-remove-day = Удалить { $day } из календаря
admin-calendar-add = Добавить день
admin-calendar-add-hint = Праздничный день и перенесённый выходной день — нерабочие дни; рабочий выходной день — это суббота или воскресенье, в которые работают. В названии рабочего выходного дня указывается, какой выходной он отрабатывает.
admin-calendar-fill = Скопировать праздничные дни { $year } года
admin-calendar-fill-hint = Добавляет праздничные дни этого года на те же даты, что и в { $year } году. Курбан айт, перенесённые выходные дни и рабочие выходные дни меняются каждый год: добавьте их сами.
admin-name-kk = Название на казахском
admin-name-ru = Название на русском
admin-name-en = Название на английском
admin-settings-lead = Каждая настройка с описанием её смысла и допустимых значений. Настройки с пометкой «публичная» при изменении показываются на странице «Изменения правил».
admin-setting-range = от { $min } до { $max }
admin-setting-public = публичная
setting-signer_data_retention_months = Сколько месяцев хранятся данные подписавшего после ответа на петицию или её закрытия
setting-signing_per_account_hour = Сколько подписей может поставить одна учётная запись за час (0 — без ограничений)
setting-signing_per_ip_hour = Сколько подписей может поступить с одного сетевого адреса за час (0 — без ограничений)
setting-responsiveness_min_cases = Сколько обращений должно поступить в орган, чтобы он получил место в рейтинге «Как отвечают органы»
setting-council_quorum_numerator = Кворум заседания совета: числитель доли членов с правом голоса
setting-council_quorum_denominator = Кворум заседания совета: знаменатель доли членов с правом голоса
setting-council_agenda_notice_working_days = За сколько рабочих дней до заседания должна быть опубликована его повестка дня
setting-council_dormant_months = Через сколько месяцев без заседаний совет отображается как бездействующий
setting-council_minimum_voting_members = Минимальное число членов совета с правом голоса
setting-inquiry_answer_days = Сколько календарных дней даётся органу на ответ на депутатский запрос
change-subject-threshold = Необходимое число подписей
change-subject-calendar_day = Календарь праздничных дней
change-subject-setting = Настройка
day-kind-holiday = Праздничный день
day-kind-transferred_day_off = Перенесённый выходной день
day-kind-working_day = Рабочий выходной день
changes-none = Изменений пока нет.
changes-date = Дата
changes-subject = Что
changes-item = Что именно
changes-before = Было
changes-after = Стало
changes-who = Кто
changes-command-line = командная строка
changes-pages = Страницы журнала
changes-older = Более ранние изменения
rules-changes-title = Изменения правил
rules-changes-lead = Каждое изменение правил, которым должны следовать граждане, начиная с самых новых, — чтобы никакие требования не менялись незаметно.
rules-changes-threshold = Новое необходимое число подписей применяется к петициям, одобренным после изменения; петиция, одобренная раньше, сохраняет то число, с которым была одобрена.
rules-changes-calendar = Изменение календаря праздничных дней сдвигает ещё не истёкшие сроки: день, ставший праздничным, не считается рабочим днём.
rules-changes-settings = Новый срок ответа на депутатские запросы применяется к запросам, направленным после его установления.
admin-changed-meanwhile = Тем временем это изменил кто-то другой. Сейчас на странице показано его изменение: проверьте его и сохраните снова, если Ваше изменение всё ещё нужно.
threshold-one-rule = Заполните что-то одно: фиксированное число подписей или процент. Нельзя заполнить оба поля или оставить оба пустыми.
threshold-signatures-range = Число подписей должно быть целым числом от 1 до 10 000 000.
threshold-percent-range = Процент должен быть больше 0 и не больше 100.
threshold-percent-invalid = Введите процент числом не более чем с двумя знаками после запятой, например 2 или 0,5.
threshold-grade-unknown = Выберите уровень подтверждения личности из списка.
calendar-day-outside-year = Дата должна относиться к показанному году.
calendar-working-day-weekday = Рабочий выходной день должен приходиться на субботу или воскресенье.
calendar-transferred-weekend = Перенесённый выходной день должен приходиться на будний день.
admin-name-empty = Введите название на всех трёх языках.
admin-name-too-long = Название может содержать не более 200 символов.
calendar-day-taken = Эта дата уже есть в календаре. Чтобы изменить её, сначала удалите её.
calendar-nothing-to-copy = В предыдущем году нет праздничных дней с фиксированными датами, которые можно скопировать.
calendar-kind-unknown = Выберите вид дня из списка.
setting-not-a-number = Введите целое число.
setting-out-of-range = Значение выходит за допустимый диапазон, указанный рядом с настройкой.
setting-quorum-over-one = Числитель кворума не может быть больше его знаменателя.
done-threshold-saved = Необходимое число подписей сохранено и внесено в журнал.
done-calendar-day-added = День добавлен, текущие сроки пересчитаны с его учётом.
done-calendar-day-removed = День удалён, текущие сроки пересчитаны с его учётом.
done-calendar-filled = Праздничные дни скопированы. Проверьте праздничные дни с переходящими датами и перенесённые выходные дни.
done-setting-saved = Настройка сохранена и внесена в журнал.

## Administration: territories (issue 17)
admin-territories = Территории
admin-territories-hint = Регионы, районы и населённые пункты с кодами КАТО: добавление, переименование (прежние названия сохраняются), сроки действия, численность населения.
admin-territories-lead = Все административно-территориальные единицы по кодам КАТО. Переименованная единица сохраняет прежние названия с датами их действия; единица с датой окончания действия считается упразднённой и исключается из списков.
admin-territory-name = Название
admin-territory-kind = Вид единицы
admin-territory-parent = Вышестоящая единица (код КАТО)
admin-territory-valid-from = Дата начала действия
admin-territory-valid-to = Дата окончания действия
admin-territory-add = Добавить единицу
admin-territory-kato-hint = От 2 до 12 цифр, как в классификаторе КАТО.
admin-territory-history = Прежние названия
admin-territory-no-history = Эта единица не переименовывалась.
admin-territory-rename = Переименовать
admin-territory-rename-hint = Новое название действует с указанной даты; текущее название сохраняется в числе прежних и считается действовавшим по предыдущий день.
admin-territory-rename-from = Новое название действует с
admin-territory-dates = Сроки действия
admin-territory-dates-hint = Единица с датой окончания действия считается упразднённой: она исключается из списка регионов и из списка территорий, которых может касаться петиция.
admin-territory-population = Население
admin-territory-population-hint = Необходимое число подписей, заданное в процентах от населения, для петиций, одобренных после внесения данных, считается по данным за последний год. Если указать год, который уже есть в списке, данные за него будут исправлены.
admin-territory-children = Входящие в неё единицы
admin-population-year = Год
admin-population-count = Число жителей
admin-population-source = Источник
changes-population-of = Население в { $year } году (КАТО { $kato })
change-subject-territory = Территория
change-subject-population = Население
rules-changes-population = Если необходимое число подписей задано в процентах от населения, новые данные о численности населения меняют его для петиций, одобренных после внесения этих данных.
region-former-names = Прежние названия
region-former-name = { $name } (до { $until })
territory-kind-unknown = Выберите вид единицы из списка.
territory-kato-invalid = Код КАТО должен содержать от 2 до 12 цифр.
territory-kato-taken = Единица с таким кодом КАТО уже есть.
territory-parent-unknown = Укажите код КАТО существующей вышестоящей единицы.
territory-name-same = Новое название совпадает с текущим.
territory-rename-date = Новое название должно начинать действовать позже последнего переименования (и начала действия единицы) и не позднее чем через год от сегодняшнего дня.
territory-validity-order = Дата окончания действия не может быть раньше даты начала действия.
population-year-range = Год должен быть не ранее 1990 и не позднее следующего года.
population-count-range = Число жителей должно быть целым числом от 1 до 100 000 000.
population-source-empty = Укажите источник данных (не более 200 символов).
done-territory-added = Единица добавлена и внесена в журнал.
done-territory-renamed = Единица переименована; прежнее название сохранено с датами его действия.
done-territory-dates-saved = Сроки действия сохранены и внесены в журнал.
done-population-saved = Численность населения сохранена и внесена в журнал.

## Bodies in the administration (issue 17)
admin-bodies = Органы
admin-bodies-hint = Правительство, министерства, акиматы, маслихаты и общественные советы: добавление, переименование (прежние названия сохраняются), переподчинение, прекращение деятельности с передачей правопреемнику.
admin-bodies-lead = Все государственные органы и общественные советы, сначала действующие. Переименованный орган сохраняет прежние названия с датами их действия. Орган, прекращающий деятельность, передаёт всё, что ожидает его ответа, правопреемнику.
admin-body-add = Добавить орган
admin-body-slug = Адрес на сайте
admin-body-slug-hint = Строчные латинские буквы и цифры, слова соединяются дефисами, например akimat-abai-region. Потом адрес изменить нельзя.
admin-body-parent = Вышестоящий орган
admin-body-no-parent = Нет (только для Правительства)
admin-body-territory = Территория деятельности (код КАТО)
admin-body-territory-hint = Код КАТО существующей единицы, например 75 для города Алматы.
admin-body-ended-on = Дата прекращения деятельности
admin-body-public-page = Открытая страница органа
admin-body-awaiting = На рассмотрении органа
admin-body-open = Обращений, ожидающих ответа: { $cases }; петиций, на которые ещё нет ответа: { $petitions }
admin-body-no-history = Этот орган не переименовывался.
admin-body-rename-hint = Новое название действует с указанной даты; текущее название сохраняется в числе прежних, считается действовавшим по предыдущий день и показывается на открытой странице органа.
admin-body-move = Переподчинить другому органу
admin-body-move-hint = Для общественного совета укажите орган, при котором он создан. Орган нельзя подчинить самому себе или нижестоящему органу.
admin-council-minimum = Минимальное число членов с правом голоса
admin-council-minimum-hint = Заполняется, если положение о совете устанавливает собственный минимум. Оставьте поле пустым, чтобы применялась настройка платформы ({ $n }). По этому числу считаются вакантные места на странице совета.
admin-body-end = Прекратить деятельность органа
admin-body-end-hint = Всё, что ожидает ответа этого органа, переходит к правопреемнику: каждое обращение передаётся ему с прежним сроком ответа (срок не продлевается), а петиции, депутатские запросы и предложения, адресованные этому органу, переадресуются правопреемнику. Это отражается в хронологии каждого из них. Роли должностных лиц этого органа прекращаются в тот же день. Нижестоящие органы нужно сначала переподчинить другому органу или прекратить их деятельность.
admin-body-choose = Выберите орган
body-ended = Этот орган прекратил деятельность { $date }.
body-successor = Правопреемник:
change-subject-body = Орган
event-body_ended = Орган прекратил деятельность; передано его правопреемнику
event-received_from_predecessor = Поступило от органа, прекратившего деятельность; срок ответа не изменился
done-body-added = Орган добавлен и внесён в журнал.
done-body-renamed = Орган переименован; прежнее название сохранено с датами его действия.
done-body-moved = Орган переподчинён, изменение внесено в журнал.
done-council-minimum-saved = Минимальное число членов совета сохранено и внесено в журнал.
done-body-ended = Деятельность органа прекращена; всё, что ожидало его ответа, передано правопреемнику, изменение внесено в журнал.
body-slug-invalid = Адрес должен содержать от 2 до 80 строчных латинских букв и цифр; слова соединяются одним дефисом.
body-slug-taken = Орган с таким адресом уже есть.
body-territory-unknown = Укажите код КАТО существующей административно-территориальной единицы.
body-parent-unknown = Выберите действующий вышестоящий орган (его нет только у Правительства).
body-parent-cycle = Орган нельзя подчинить самому себе или нижестоящему органу.
body-name-same = Новое название совпадает с текущим.
body-rename-date = Новое название должно начинать действовать позже последнего переименования (и начала деятельности органа) и не позднее чем через год от сегодняшнего дня.
council-minimum-range = Минимум — целое число от 1 до 100; оставьте поле пустым, чтобы применялась настройка платформы.
body-not-council = Минимальное число членов с правом голоса устанавливается только для общественного совета.
body-ended-already = Деятельность этого органа уже прекращена.
body-successor-unknown = Выберите правопреемника из действующих органов.
body-successor-self = Орган не может быть собственным правопреемником.
body-successor-kind = Правопреемник должен быть органом того же вида.
body-end-date = Дата прекращения деятельности должна быть не позднее сегодняшнего дня и не раньше начала деятельности органа.
body-has-children = Этому органу ещё подчинены действующие органы: сначала переподчините их или прекратите их деятельность.
body-kind-unknown = Выберите вид органа из списка.
body-level-unknown = Выберите уровень из списка.
change-subject-reason = Причина из каталога
admin-reason-retired = больше не предлагается

## CSV import and export (issue 17)
admin-import = Импорт и экспорт
admin-import-hint = Территории, органы и численность населения в файлах CSV: скачивание, а также загрузка файла для проверки и применения.
admin-import-lead = Скачайте списки в формате CSV, отредактируйте их в электронной таблице и загрузите снова. Каждый загруженный файл сначала проходит предварительную проверку: вы видите, что изменит каждая строка, и ничего не меняется, пока вы не примените изменения. Файл, в котором есть хотя бы одна ошибочная строка, отклоняется целиком.
admin-export = Скачать
admin-export-hint = В файлах те же столбцы, что принимает импорт; вышестоящие единицы и органы идут раньше нижестоящих.
admin-import-columns = Столбцы:
admin-import-upload = Загрузить файл
admin-import-rules = В первой строке указываются названия столбцов в любом порядке; поля разделяются запятыми или точками с запятой (UTF-8, не более 2 МБ и 20 000 строк). Импорт добавляет новые записи и изменяет сроки действия территориальных единиц, вышестоящий орган у органов и данные о численности населения. Переименовать единицу или орган, а также прекратить деятельность органа можно на его собственной странице: там указываются дата и правопреемник.
admin-import-kind = Содержимое файла
admin-import-file = Файл CSV
admin-import-check = Проверить файл
admin-import-recent = Последние загрузки
admin-import-uploaded = Дата загрузки
admin-import-state = Статус
admin-import-refused = Отклонён
admin-import-done = Применён
admin-import-ready = Проверен, ещё не применён
admin-import-title = Импорт: { $file }
admin-import-refused-lead = Файл отклонён, ничего не изменено. Исправьте строки ниже и загрузите файл снова.
admin-import-problems = Ошибки
admin-import-line = Строка
admin-import-column = Столбец
admin-import-problem = Ошибка
admin-import-summary = Новых: { $added }. Изменённых: { $changed }. Без изменений: { $same }.
admin-import-apply = Применить изменения
admin-import-changes = Что изменится
admin-import-item = Запись
admin-import-action = Изменение
import-kind-territories = Территории
import-kind-bodies = Органы
import-kind-populations = Численность населения
import-action-add = Новая
import-action-change = Изменена
import-action-same = Без изменений
done-import-applied = Файл применён; каждое изменение внесено в журнал.
import-too-big = Файл больше 2 МБ.
import-not-utf8 = Файл не в кодировке UTF-8. Сохраните его в формате «CSV UTF-8» и загрузите снова.
import-empty = В файле нет строк.
import-malformed = Эту строку не удаётся прочитать как CSV (проверьте кавычки).
import-unknown-column = Импорт этого вида не принимает такой столбец.
import-repeated-column = Этот столбец указан дважды.
import-missing-column = Этот столбец отсутствует.
import-row-fields = Число полей в этой строке не совпадает с числом столбцов в первой строке.
import-too-many-rows = В файле больше 20 000 строк.
import-duplicate = Эта запись уже есть в одной из предыдущих строк.
import-parent-unknown = Указанной вышестоящей единицы или органа нет ни среди действующих, ни в предыдущих строках файла.
import-rename = Название отличается от текущего: переименование выполняется на странице единицы или органа, где указывается дата начала действия нового названия.
import-fixed = Это нельзя изменить импортом (у органа — вид, уровень, территорию и дату начала деятельности).
import-body-end = Деятельность органа прекращается на его собственной странице, где выбирается правопреемник.
import-kato-unknown = Территориальной единицы с таким кодом КАТО нет.
import-more-problems = Ошибки есть и в других строках; сначала исправьте эти.
import-applied = Этот файл уже применён.
import-refused = Отклонённый файл нельзя применить: исправьте его и загрузите снова.
import-stale = После проверки файла данные изменились. Загрузите его снова, чтобы увидеть, что он изменит теперь.
import-kind = Укажите, что содержится в файле.
import-no-file = Выберите файл для загрузки.

## Deadline terms (issue 17)
admin-terms = Сроки
admin-terms-hint = Сколько длятся модерация, начальная поддержка, сбор подписей и ответ на каждый вид обращения — по уровням.
admin-terms-lead = Продолжительность каждого срока по уровню органа. Новый срок применяется к срокам, которые начнутся после изменения: петиция на модерации, на начальной поддержке или на сборе подписей и обращение, ожидающее ответа, сохраняют срок, с которым они начались.
admin-term-any-level = любой уровень
admin-term-amount = Продолжительность
admin-term-unit = Единица счёта
term-unit-working_days = рабочие дни
term-unit-calendar_days = календарные дни
term-unit-months = месяцы
term-amount-working_days = { $n ->
    [one] { $n } рабочий день
    [few] { $n } рабочих дня
   *[many] { $n } рабочих дней
}
term-amount-calendar_days = { $n ->
    [one] { $n } календарный день
    [few] { $n } календарных дня
   *[many] { $n } календарных дней
}
term-amount-months = { $n ->
    [one] { $n } месяц
    [few] { $n } месяца
   *[many] { $n } месяцев
}
term-clock-petition_moderation = Модерация петиции
term-clock-initial_support = Начальная поддержка
term-clock-collection_period = Сбор подписей
term-clock-petition_answer = Ответ на петицию
term-clock-inquiry_answer = Ответ на депутатский запрос
term-clock-recommendation_answer = Ответ на рекомендацию совета
term-clock-proposal_answer = Ответ на предложение
change-subject-term = Срок
done-term-saved = Срок сохранён и внесён в журнал; по нему пойдут сроки, которые начнутся с этого момента.
term-amount-range = Продолжительность — целое число от 1 до 730 дней или от 1 до 24 месяцев.
term-unit-unknown = Выберите единицу из списка.
rules-changes-terms = Новый срок применяется к срокам, которые начнутся после изменения; петиция или обращение, срок которых уже идёт, сохраняют срок, с которым начались.
rules-changes-bodies = Орган, прекративший деятельность, указывает правопреемника; тот принимает обращения, ожидающие ответа, с прежними сроками.
rules-changes-prohibited = Изменение перечня запрещённых тем применяется к петициям, поданным после него.
setting-initial_support_signatures = Сколько сторонников нужно одобренной петиции, прежде чем она откроется для всех
rules-changes-support = Новое число первых сторонников применяется к петициям, одобренным после изменения; петиция, которая уже собирает поддержку, сохраняет число, с которым была одобрена.

## Администрирование: справочник тем
admin-topics = Темы
admin-topics-lead = О чём петиции, предложения общественным советам и депутатские запросы. По теме страница подачи предлагает органы: местный вопрос — акимату и маслихату региона, тема с министерством — этому министерству, общегосударственный вопрос без министерства — Правительству.
admin-topics-hint = Тема, которая больше не предлагается, остаётся у поданного по ней, с названием. Тему нельзя удалить: её код есть в адресах и открытых данных.
admin-topic-add = Добавить тему
admin-topic-code = Код
admin-topic-code-hint = От 2 до 32 строчных латинских букв, цифр и дефисов, начиная с буквы, например street-lighting. Код входит в адреса и открытые данные, потом его изменить нельзя.
admin-topic-ministry = Министерство, отвечающее за тему на уровне страны
admin-topic-no-ministry = Нет (Правительство)
admin-topic-position = Место в списках
admin-topic-position-hint = Целое число от 0 до 10 000, меньшие выше. Пусто — после остальных.
admin-topic-local = Обычно местный вопрос (акимат и маслихат территории)
admin-topic-active = Предлагается для новых петиций, предложений и запросов
admin-topic-code-invalid = Используйте от 2 до 32 строчных латинских букв, цифр и дефисов, начиная с буквы.
admin-topic-code-taken = Тема с таким кодом уже есть.
admin-topic-ministry-unknown = Выберите действующее министерство из списка.
admin-topic-position-range = Введите целое число от 0 до 10 000.
admin-topic-last = Это последняя предлагаемая тема; сначала добавьте или включите другую.
change-subject-topic = Тема
done-topic-added = Тема добавлена, внесена в журнал и предлагается с этого момента.
done-topic-saved = Тема сохранена и внесена в журнал.
admin-topics-index = О чём петиции, предложения и запросы: добавление, переименование, к какому органу они направляются, вывод из употребления.
feed-inquiries-title = направленные, отвеченные и закрытые депутатские запросы
feed-sent = Направлен
feed-closed = Закрыт
inquiries-feed = Лента направленных, отвеченных и закрытых запросов (Atom)
inquiries-search-label = Поиск запросов

# Proposals: words and a feed
council-proposals-search = Поиск по предложениям
council-no-proposals-match = Предложений с этими словами нет.
council-proposals-feed = Лента поступивших, отвеченных и отклонённых предложений (Atom)
feed-proposals-title = поступившие, отвеченные и отклонённые предложения общественным советам
feed-received = Поступило
feed-declined = Отклонено

# The site-wide search
nav-search = Поиск
search-title = Поиск
search-label = Слова для поиска в петициях, депутатских запросах и предложениях общественным советам
search-submit = Найти
search-intro = Один поиск по петициям, депутатским запросам и предложениям граждан общественным советам.
search-nothing = С этими словами ничего нет. Попробуйте меньше слов или другие слова.
search-found = Найдено: { $count }.
search-petitions = Петиции
search-inquiries = Депутатские запросы
search-proposals = Предложения общественным советам
search-all-petitions = { $n ->
    [one] Все { $count } петиция в списке
    [few] Все { $count } петиции в списке
   *[many] Все { $count } петиций в списке
}
search-all-inquiries = { $n ->
    [one] Все { $count } запрос в реестре
    [few] Все { $count } запроса в реестре
   *[many] Все { $count } запросов в реестре
}
