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
