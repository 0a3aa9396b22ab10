# Dauys — English

skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-regions = Regions
lang-switch-label = Language
footer-about = Dauys is a public platform for petitions, public councils and deputies' inquiries in the regions of Kazakhstan.
footer-open = Every answer and every missed deadline is public.
loading = Loading…

error-not-found = Not found.
error-forbidden = You do not have permission to do this.
error-internal = Something went wrong on our side. Please try again later.
error-bad-request = The request could not be read. Please check the form and try again.

not-found-title = Page not found
not-found-text = There is no page at this address. It may have moved, or the link may be mistyped.
not-found-home = Go to the home page
not-found-regions = Browse the regions

home-title = A voice for every region
home-heading = Your voice, heard and answered
home-lead = Dauys brings petitions, public councils and deputies' inquiries together in one public place. File a petition to the right body, gather signatures, and follow it until the answer — with every deadline in plain view.
home-start-regions = Find your region
home-start-government = See the Government
home-who-heading = Who Dauys is for
home-citizens-title = Citizens
home-citizens-text = Raise an issue, sign petitions once per person, and see where each one went and what the answer was.
home-councils-title = Public councils
home-councils-text = Secretaries triage what arrives, put it on meeting agendas and publish decisions and recommendations.
home-deputies-title = Maslikhat deputies
home-deputies-text = Turn issues into formal inquiries to akimats and track every answer on a public register.
home-officials-title = Akimats and ministries
home-officials-text = Receive petitions, inquiries and recommendations addressed to your body and answer them on time.
home-steps-heading = How a petition travels
home-step-file = A citizen writes a petition and addresses it to the body responsible.
home-step-moderation = Moderators check it against the published rules within 20 working days.
home-step-support = It gathers its first 50 supporters, then opens to everyone.
home-step-threshold = When it reaches the body's threshold, it is registered and sent to the body.
home-step-answer = The body has 40 working days to publish its answer.
home-step-public = The answer, and any delay, stays public for everyone to see.

regions-title = Regions
regions-lead = Seventeen regions and three cities of republican significance. Choose one to see its akimat, maslikhat and public council.
regions-cities = Cities of republican significance
regions-oblasts = Regions (oblasts)

region-kato = KATO code
region-centre = Administrative centre
region-since = Established
region-population = Population
region-population-value = { $count } ({ $year })
region-bodies = Bodies

body-kind = Kind
body-level = Level
body-territory = Territory
body-parent = Reports to
body-attached-to = Attached to
body-council = Public council
body-no-council = None
body-petitions-heading = Petitions to this body
body-threshold-fixed = A petition addressed here needs { $n ->
    [one] { $count } signature
   *[other] { $count } signatures
}.
body-threshold-percent = A petition addressed here needs { $n ->
    [one] { $count } signature
   *[other] { $count } signatures
}: { $percent }% of the population of { $population } ({ $year }).
body-threshold-grade = Signatures count at the identity level: { $grade }.
body-no-petitions = Petitions are not addressed directly to this body.
body-children = Bodies under it

territory-kind-country = Country
territory-kind-oblast = Region (oblast)
territory-kind-city = City of republican significance
territory-kind-district = District
territory-kind-regional_city = City of regional significance
territory-kind-rural_district = Rural district
territory-kind-village = Village

body-kind-government = Government
body-kind-ministry = Ministry
body-kind-akimat = Akimat
body-kind-maslikhat = Maslikhat
body-kind-public_council = Public council
body-kind-quasi_public = Quasi-public entity

body-level-national = National
body-level-regional = Regional
body-level-district = District
body-level-rural = Rural

grade-email_verified = verified email
grade-iin_checked = checked IIN
grade-digital_signature = eGov digital signature

iin-error-format = An IIN has exactly 12 digits.
iin-error-century = The 7th digit of an IIN must be from 1 to 6.
iin-error-date = The first six digits of this IIN are not a real date of birth.
iin-error-future = The date of birth in this IIN is in the future.
iin-error-checksum = This IIN is mistyped: its check digit does not match.

email-invalid = Enter an email address like name@example.kz.
email-taken = An account with this email already exists. Log in, or reset your password.
name-required = Enter the name to show on the platform.
name-no-letters = A name needs at least one letter.
name-too-long = A name can be at most 100 characters.
password-too-short = A password needs at least 10 characters.
password-too-long = A password can be at most 128 characters.
password-common = This password is among the most common ones. Choose another.
region-unknown = Choose your region from the list.
wrong-credentials = The email or the password is wrong.
iin-mismatch = This IIN does not match the date of birth and sex you gave.
iin-taken = This IIN is already confirmed on another account.

nav-login = Log in
nav-register = Register
login-title = Log in
login-submit = Log in
login-no-account = No account yet?
register-title = Create an account
register-lead = An account lets you file and sign petitions. Your email is never shown publicly.
register-submit = Create account
register-have-account = Already registered?
field-email = Email
field-password = Password
field-password-hint = At least 10 characters; a phrase of several words is easy to remember and hard to guess.
field-name = Name shown on the platform
field-region = Region of residence
field-region-choose = Choose a region
profile-title = My profile
profile-grade = Identity level
profile-grade-none = email not yet verified
profile-signed-out = You are not logged in.
logout = Log out
logout-everywhere = Log out on all devices
error-rate-limited = Too many attempts. Please wait a few minutes and try again.

nav-roles = Roles
login-forgot = Forgot your password?
forgot-title = Reset your password
forgot-lead = Enter the email of your account. If there is an account with it, we send a link to set a new password; the link works for one hour.
forgot-submit = Send the link
confirm-email-title = Confirm your email
confirm-email-lead = Press the button to confirm that this email address is yours.
confirm-email-submit = Confirm my email
confirm-new-email-title = Confirm your new email
confirm-new-email-lead = Press the button to make this address the email of your account.
confirm-new-email-submit = Confirm the new email
reset-title = Set a new password
reset-lead = Choose a new password. You will be logged out on every device and can log in with it at once.
reset-submit = Set the password
field-new-password = New password
field-current-password = Current password
field-new-email = New email
change-password-title = Change password
change-password-lead = You stay logged in here; every other device is logged out.
change-password-submit = Change password
change-email-title = Change email
change-email-lead = We send a confirmation link to the new address. Your email changes when you open it and confirm.
change-email-submit = Send the confirmation link
iin-title = Confirm your IIN
iin-lead = An IIN that matches your date of birth raises your signatures to the "checked IIN" level. We keep only a keyed fingerprint of the number, never the number itself; one IIN can be confirmed on one account only.
iin-submit = Confirm IIN
field-iin = IIN (12 digits)
field-iin-hint = Your individual identification number, as on your ID card.
field-birth-date = Date of birth
field-sex = Sex
sex-female = Female
sex-male = Male
delete-title = Delete my account
delete-lead = Your name, email, password and IIN fingerprint are erased and you are logged out everywhere. Signatures you gave stay in the counts, anonymised. This cannot be undone.
delete-submit = Delete my account
delete-confirm = I understand that this cannot be undone.
delete-confirm-required = Tick the box to confirm.
profile-email-verified = verified
profile-email-unverified = not verified
profile-verify-heading = Verify your email
profile-verify-text = We sent you a link. Open it and press the button to verify your email; until then you cannot sign petitions.
profile-verify-resend = Send the link again
profile-roles = My roles
profile-roles-none = You hold no roles on the platform.
role-acting-for = acting for { $who }
role-since = since { $date }
role-until = until { $date }
profile-petitions = My petitions
profile-petitions-none = Petitions you file will be listed here.
profile-signatures = My signatures
profile-signatures-none = Petitions you sign will be listed here.
profile-settings = Account
profile-export = Download my data (JSON)

done-registered = Your account is created. We sent you a link to verify your email.
done-verification-sent = We sent a new verification link. Earlier links no longer work.
done-email-verified = Your email is verified.
done-reset-sent = If there is an account with that email, a link to set a new password is on its way.
done-password-reset = Your password is set. Log in with it.
done-password-changed = Your password is changed. Other devices are logged out.
done-email-change-sent = We sent a confirmation link to the new address. Your email changes once you confirm it.
done-email-changed = Your email is changed and verified.
done-iin-recorded = Your IIN is confirmed.
done-account-deleted = Your account is deleted.
done-role-granted = The role is granted.
done-role-ended = The role is ended.

wrong-password = The current password is wrong.
token-unknown = This link is not valid. Check that you copied it whole, or ask for a new one.
token-expired = This link has expired. Ask for a new one.
token-used = This link has already been used. Ask for a new one if you need it.
email-unchanged = This is already your email.
birth-date-invalid = Enter your date of birth.
sex-required = Choose your sex.
date-invalid = Enter a date as DD.MM.YYYY.

role-moderator = Moderator
role-council_secretary = Council secretary
role-council_member = Council member
role-deputy = Deputy
role-deputy_staff = Deputy's office staff
role-official = Official
role-admin = Administrator
role-unknown = Choose a role from the list.
role-user-unknown = There is no account with this email.
role-body-not-allowed = This role is held for the whole platform: leave the body empty.
role-body-required = Choose the body this role is held for.
role-body-unknown = Choose a body from the list.
role-body-wrong-kind = This role cannot be held for a body of this kind.
role-dates-order = The end date cannot be before the start date.
role-deputy-unknown = Give the email of a deputy of this maslikhat.
role-already-held = This person already holds this role for this body in these dates.

roles-title = Roles
roles-forbidden = Only administrators and council secretaries manage roles.
roles-grant = Grant a role
roles-grant-admin-hint = As an administrator you can grant every role.
roles-grant-secretary-hint = As a council secretary you can add and end the members of your council.
roles-grant-submit = Grant the role
roles-field-email = Email of the account
roles-field-role = Role
roles-field-body = Body
roles-field-body-hint = Leave empty for moderators and administrators. Secretaries and members: a public council; deputies and their staff: a maslikhat; officials: an akimat, ministry or the Government.
roles-no-body = — the whole platform —
roles-field-for = Acting for (deputy's email)
roles-field-for-hint = Only for deputy's office staff.
roles-field-from = From (empty: today)
roles-field-to = Until (optional)
roles-history = Everyone who holds or held a role
roles-col-person = Person
roles-col-role = Role
roles-col-body = Body
roles-col-dates = Dates
roles-col-by = Granted by
roles-col-action = End
roles-not-current = not current
roles-by-console = server console
roles-ended-by = ended by { $who }
roles-last-day = Last day
roles-end-submit = End

mail-greeting = Hello, { $name }!
mail-ignore = If you did not ask for this, ignore this mail: nothing changes.
mail-not-you = If this was not you, reset your password at once and write to the platform's support.
mail-signature = — Dauys, the public platform of petitions and appeals
mail-verify-subject = Confirm your email on Dauys
mail-verify-body = You registered on Dauys. Confirm that this email address is yours to sign petitions.
mail-verify-action = Confirm my email
mail-verify-expiry = The link works for 48 hours, once.
mail-reset-subject = Set a new password on Dauys
mail-reset-body = Somebody asked to reset the password of your Dauys account.
mail-reset-action = Set a new password
mail-reset-expiry = The link works for one hour, once.
mail-new-email-subject = Confirm your new email on Dauys
mail-new-email-body = You asked to make this address the email of your Dauys account.
mail-new-email-action = Confirm the new email
mail-new-email-expiry = The link works for 48 hours, once.
mail-email-changing-subject = Your Dauys email is being changed
mail-email-changing-body = Somebody asked to change the email of your Dauys account to { $new_email }. It changes only when the new address is confirmed.
mail-password-changed-subject = Your Dauys password was changed
mail-password-changed-body = The password of your Dauys account was just changed, and every device was logged out.

## Petitions
nav-petitions = Petitions
nav-moderation = Moderation
nav-inbox = Inbox
nav-reasons = Rejection reasons
yes = yes
no = no
petitions-title = Petitions
petitions-lead = Petitions to state bodies: what citizens ask for, how many support it, and what the body answered.
petitions-start = Start a petition
petitions-empty = No public petitions yet.
petition-col-title = Petition
petition-col-body = Addressee
petition-col-status = Status
petition-col-signatures = Signatures
petition-col-deadline = Deadline
petition-status-draft = Draft
petition-status-moderation = In moderation
petition-status-gathering = Gathering initial support
petition-status-open = Open for signatures
petition-status-under_consideration = Under consideration by the body
petition-status-answered = Answered
petition-status-closed = Closed
petition-status-rejected = Rejected
topic-roads = Roads and streets
topic-transport = Public transport
topic-water = Water supply and sewerage
topic-utilities = Heating, power, gas and waste
topic-housing = Housing
topic-health = Health care
topic-education = Schools and kindergartens
topic-environment = Environment
topic-safety = Public order and safety
topic-social = Social support
topic-economy = Economy and business
topic-other = Other
event-submitted = Sent to moderation
event-returned = Returned to the author for changes
event-approved = Approved by moderation; gathering initial support
event-rejected = Rejected by moderation
event-moderation_overdue = Moderation is overdue
event-support_reached = Enough initial supporters: open to everyone
event-lapsed = Closed: not enough initial support in time
event-threshold_reached = The signature threshold was reached
event-registered = Registered and sent to the body
event-threshold_lost = Invalidated signatures took the count under the threshold
event-answer_overdue = The body's answer is overdue
event-answer_very_overdue = The body's answer is very overdue (past twice its term)
event-answered = The body answered
event-expired = Closed: the collection period ended without the threshold
event-withdrawn = Withdrawn by the author
event-signatures_invalidated = Signatures invalidated
event-claimed = Taken for review by a moderator
actor-author = author
actor-moderator = moderator
actor-official = official of the body
actor-admin = administrator
actor-system = platform (on time)
decision-accepted = Accepted
decision-partly_accepted = Partly accepted
decision-declined = Declined
clock-moderation = Moderation until
clock-initial_support = Initial support until
clock-collection = Signatures collected until
clock-answer = The body must answer by
clock-state-due = on time
clock-state-overdue = overdue
clock-state-very_overdue = very overdue
petition-number = Petition No.
petition-registered-as = registered as
petition-addressee = Addressed to
petition-territory = Territory
petition-topic = Topic
petition-author = Author
petition-deadline = Deadline
petition-queue-position = Place in the moderation queue
petition-returned-note = The moderator returned the petition for changes:
petition-rejected-because = Rejected. Reason:
petition-progress = Progress
petition-progress-support = Initial supporters:
petition-progress-threshold = Signatures toward the threshold:
petition-of = of
petition-signatures = { $n ->
    [one] signature
   *[other] signatures
}
petition-support-hint = The petition opens to everyone once it has this many supporters. Counted grade:
petition-grade-hint = The threshold counts signatures of this grade:
petition-summary = Summary
petition-text = Text
petition-text-hidden = Moderation hid the text of this petition; the reason is on the timeline.
petition-answer = The body's answer
petition-recent-signers = Recent signers
petition-by-region = Signatures by region
petition-timeline = Timeline
timeline-reason = Reason:
petition-author-panel = Your petition
petition-edit = Edit the draft
petition-share-hint = Share the link to this page: the petition is reachable by direct link only until it has its initial supporters.
petition-withdraw = Withdraw the petition
sign-show-name = Show my first name and surname initial in the list of signers
sign-notify = Mail me the body's answer
sign-submit = Sign this petition
sign-you-signed = You signed this petition.
sign-withdraw = Withdraw my signature
sign-login = Log in to sign this petition
sign-verify-first = Confirm your email address to sign petitions (see your profile).
sign-closed = This petition does not take signatures now.
sign-rate-limited = Too many signatures in a short time. Try again later.
sign-iin-used = A person with your IIN has already signed this petition from another account.
withdraw-closed = Signatures can no longer be withdrawn from this petition.
withdraw-not-signed = You have no signature on this petition to withdraw.
answer-rate = Rate the answer (1 = poor, 5 = excellent)
answer-rate-submit = Rate
answer-rating-average = Average rating
answer-ratings = { $n ->
    [one] { $count } rating
   *[other] { $count } ratings
}
answer-not-rated = Nobody has rated the answer yet.
answer-form-title = Answer on behalf of the body
answer-decision = Decision
answer-text = The answer, with reasons
answer-submit = Publish the answer
answer-text-empty = Write the answer.
answer-text-long = The answer is too long (at most 20,000 characters).
answer-decision-unknown = Choose a decision.
answer-not-awaited = This petition is not awaiting an answer.
rating-invalid = Choose a rating from 1 to 5.
rating-no-answer = There is no answer to rate yet.
file-title = Start a petition
file-login-first = Log in with a confirmed email to start a petition.
file-lead = Say what you ask for and of whom. A moderator checks the petition before it is published.
file-rule-moderation = Moderation takes up to { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}.
file-rule-support = After approval, { $count ->
    [one] { $count } person
   *[other] { $count } people
} must sign within { $days ->
    [one] { $days } working day
   *[other] { $days } working days
}; until then the petition is reachable by its link only.
file-rule-answer = Once the threshold is reached, the body has { $days ->
    [one] { $days } working day
   *[other] { $days } working days
} to answer.
file-step-where = 1. Where and what about
file-territory = Territory the petition concerns
file-topic = Topic
file-topic-choose = Choose a topic
file-show-bodies = Show the bodies that can answer
file-body = 2. Who should answer
file-levels-hint = Address the level that decides the matter: a village road or a courtyard is for the local akimat, not the Government; national laws and programmes are for a ministry or the Government. Each body needs a different number of signatures.
file-choose-first = Choose a territory and a topic above to see the bodies.
file-suggested = suggested
file-body-threshold = { $n ->
    [one] { $count } signature needed
   *[other] { $count } signatures needed
}
file-collection-months = collected for { $n ->
    [one] { $n } month
   *[other] { $n } months
}
file-collection-working_days = collected for { $n ->
    [one] { $n } working day
   *[other] { $n } working days
}
file-collection-calendar_days = collected for { $n ->
    [one] { $n } day
   *[other] { $n } days
}
file-field-title = Title
file-field-title-hint = Up to 120 characters: what you ask for, in one line.
file-field-summary = Summary
file-field-summary-hint = Up to 500 characters.
file-field-text = Full text
file-field-text-hint = Up to 6,000 characters: the problem, what you ask the body to do, and why. Separate paragraphs with an empty line.
file-prohibited = Petitions may not concern:
file-confirm = I confirm that my petition concerns none of these topics
file-submit = Submit to moderation
file-save-draft = Save the draft
petition-title-empty = Write a title.
petition-title-long = The title is too long (at most 120 characters).
petition-summary-empty = Write a summary.
petition-summary-long = The summary is too long (at most 500 characters).
petition-text-empty = Write the text of the petition.
petition-text-long = The text is too long (at most 6,000 characters).
petition-topic-unknown = Choose a topic.
petition-territory-unknown = Choose a territory.
petition-body-unknown = Choose the body the petition is addressed to.
petition-body-not-addressable = Petitions cannot be addressed to this body.
petition-body-territory = This body does not serve the chosen territory.
petition-confirm-required = Confirm that the petition concerns no prohibited topic.
petition-verify-first = Confirm your email address before starting a petition.
petition-not-draft = This petition is no longer a draft and cannot be changed.
petition-cannot-withdraw = This petition can no longer be withdrawn.
moderation-title = Moderation queue
moderation-lead = Oldest first. Moderation should take at most 20 working days; overdue items are marked.
moderation-empty = The queue is empty.
moderation-claimed-by = Being reviewed by
moderation-panel = Moderation
moderation-claim-hint = Take the petition for review so that no other moderator works on it at the same time (for 30 minutes).
moderation-claim = Take for review
moderation-approve = Approve and publish
moderation-return-note = What the author should change
moderation-return = Return for changes
moderation-reason = Reason for rejection
moderation-reason-choose = Choose a reason
moderation-hides-text = hides the text
moderation-reject-note = Note (public)
moderation-reject = Reject
moderation-claimed-by-another = Another moderator is reviewing this petition.
moderation-not-in-queue = This petition is no longer in the moderation queue.
moderation-note-empty = Write what the author should change.
moderation-note-long = The note is too long (at most 2,000 characters).
moderation-reason-unknown = Choose a reason from the list.
moderation-decision-unknown = Choose a decision.
inbox-title = Petitions awaiting your body's answer
inbox-lead = Overdue first. Answer within the term; every answer and every missed deadline is public.
inbox-empty = No petitions await an answer.
reasons-title = Rejection reasons
reasons-code = Code
reasons-name = Reason
reasons-name-kk = Reason in Kazakh
reasons-name-ru = Reason in Russian
reasons-name-en = Reason in English
reasons-active = in use
reasons-save = Add or change a reason
reasons-save-hint = A reason with an existing code is changed; a new code adds a reason. Codes starting with "prohibited-" form the prohibited-topics list shown at filing.
reason-code-invalid = Use lower-case Latin letters, digits and hyphens (at most 64).
reason-name-invalid = Write the reason in each language (at most 300 characters).
fraud-title = Invalidate signatures
fraud-hint = Signatures matching every condition given are invalidated and no longer count; the signers are not told. The action and its reason are on the timeline.
fraud-ip = IP address
fraud-domain = Email domain
fraud-from = Signed from (Astana time)
fraud-to = Signed before (Astana time)
fraud-reason = Reason
fraud-submit = Invalidate matching signatures
fraud-filter-empty = Give at least one condition.
fraud-reason-empty = Give a reason.
done-petition-submitted = The petition is sent to moderation.
done-draft-saved = The draft is saved.
done-petition-withdrawn = The petition is withdrawn.
done-petition-back-to-draft = The petition is taken out of moderation and is a draft again: only you can see it.
done-draft-deleted = The draft is deleted.
petition-too-many-drafts = You already have 20 drafts. Submit or delete one before starting another.
done-signed = Thank you: your signature is recorded. The count updates within a few seconds.
done-already-signed = You had already signed this petition.
done-signature-withdrawn = Your signature is withdrawn.
done-claimed = You are reviewing this petition for the next 30 minutes.
done-approved = The petition is approved and gathering initial support.
done-returned = The petition is returned to its author.
done-rejected = The petition is rejected.
done-answered = The answer is published.
done-rated = Thank you for rating the answer.
done-signatures-invalidated = The matching signatures are invalidated.
done-reason-saved = The reason is saved.
mail-answered-subject = The body answered your petition on Dauys
mail-answered-body = The body answered the petition «{ $title }». Read the answer on the petition's page and rate it.
mail-answered-action = Read the answer
mail-answered-why = You get this mail because you wrote or signed this petition and asked to hear the answer.
