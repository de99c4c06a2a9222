# udbhabon: English.

## Layout
app-name = Udbhabon
app-tagline = Running the Innovation Team's year
government = Government of the People's Republic of Bangladesh
nav-label = Main menu
nav-home = Home
nav-offices = Offices
nav-team = Innovation Team
nav-meetings = Meetings
switch-language = বাংলা
switch-language-label = এই পাতাটি বাংলায় পড়ুন
skip-to-content = Skip to content
footer-today = Today { $date }
footer-about = Udbhabon: action plans, meetings and reports of the innovation teams of ministries, agencies and field offices.

## Home
home-title = Home
home-team-heading = Innovation Team
home-team-constituted = Office order no. { $memo }, dated { $date }
home-team-open = See the team
home-meeting-heading = Latest meeting
home-meeting-open = See the minutes and decisions
home-offices-heading = Offices under it
home-offices-count = { $count } agencies and offices under it
home-offices-open = See the list of offices
home-no-team = This office has no innovation team yet.
home-no-meeting = No meeting has been recorded yet.
home-empty = There are no offices yet. Run `udbhabon demo` to add the demo data.

## Offices
offices-title = Offices
offices-intro = Ministries and divisions, the agencies under them and their field offices, with the units inside each.
offices-units = Units inside ({ $count })
offices-memo-code = Memo code { $code }
offices-website = Website

## Team
team-title = Innovation Team of the { $office }
team-members-count = { $count } members
team-order-heading = Constituting office order
team-order-memo = Memo number
team-order-date = Date
team-order-effective = In force from
team-order-cites = Reference
team-order-pdf = Download the office order (PDF)
team-members-heading = Members
team-serial = No.
team-post = Post
team-role = Role in the team
team-holder = Officer holding the post
team-vacant = Vacant or not recorded
team-terms-heading = Terms of reference of the Innovation Team
team-on-date-heading = The team on a date
team-on-date-label = Date
team-on-date-submit = Show
team-on-date-showing = Showing the team as it was on { $date }
team-no-order = No office order constituting this team was in force on { $date }.
team-history-heading = Order history
team-history-superseded = Superseded by a later order
team-history-in-force = In force now

## Meetings
meetings-title = Meetings
meetings-empty = No meeting has been recorded yet.
meeting-chair = Chair
meeting-date = Date of meeting
meeting-time = Time
meeting-place = Place
meeting-attendance = Attendance
meeting-attendance-appendix = See Appendix Ka
meeting-attendance-heading = Appendix Ka: attendance
meeting-present = Present
meeting-absent = Absent
meeting-decisions-heading = Decisions
meeting-decision-serial = No.
meeting-decision-text = Decision
meeting-decision-responsible = Responsible for action / implementation
meeting-decision-deadline = Deadline
meeting-memo = Memo number
meeting-issued = Date
meeting-distribution-heading = Distribution (not in order of seniority)
meeting-attention = Attention: { $whom }
meeting-sequence = { $ordinal } meeting
meeting-decisions-count = { $count } decisions

## Deadlines
deadline-by = by { $date }
deadline-monthly = by the { $day } of every month
deadline-yearly = every year
deadline-unspecified = within the set time

## Vocabulary
office-kind-ministry = Ministry
office-kind-division = Division
office-kind-department = Department
office-kind-board = Board
office-kind-tribunal = Tribunal
office-kind-foundation = Foundation
office-kind-fund = Fund
office-kind-divisional-office = Divisional office
office-kind-district-office = District office
office-kind-upazila-office = Upazila office
unit-level-wing = Wing
unit-level-branch = Branch
unit-level-section = Section
unit-level-cell = Cell
unit-level-head-office = Office of the head
team-role-chief-innovation-officer = Chief Innovation Officer
team-role-innovation-officer = Innovation Officer
team-role-member = Member
team-role-member-secretary = Member Secretary
charge-regular = Regular
charge-additional = Additional charge
charge-current = Current charge
meeting-kind-quarterly-review = Quarterly review meeting
meeting-kind-monthly-coordination = Monthly coordination meeting
meeting-kind-workshop = Workshop
meeting-kind-other = Other meeting

## Documents
doc-memo-label = No.
doc-date-label = Date
doc-office-order-title = Office Order

## Signing in
nav-sign-in = Sign in
nav-sign-out = Sign out
login-title = Sign in
login-intro = Sign in with your official email and password.
login-email = Email
login-password = Password
login-submit = Sign in
login-wrong = The email or password is not right. Please try again.
login-locked = The account is locked for a while after repeated wrong passwords. Try again after { $until }.
account-title = My account
account-roles = Roles
account-no-roles = This account has no roles yet.
account-password-heading = Change password
account-password-current = Current password
account-password-new = New password (at least 10 characters)
account-password-confirm = New password again
account-password-submit = Change password
account-password-changed = The password was changed. Every other device has been signed out.
account-sessions-heading = Sign out everywhere
account-sessions-intro = Signs out here and on any other computer or phone where this account is signed in.
account-sign-out-everywhere = Sign out everywhere
role-system-administrator = System administrator
role-member-secretary = Member Secretary
role-chief-innovation-officer = Chief Innovation Officer
role-team-member = Team member
role-focal-point = Focal point
role-reviewer = Reviewer
role-viewer = Viewer
error-required = Please fill in this field.
error-email = Please enter a valid email address.
error-email-taken = An account with this email already exists.
error-password-short = The password must be at least { $min } characters long.
error-password-long = The password cannot be longer than { $max } characters.
error-password-is-email = The password cannot be the email address.
error-password-current = The current password is not right.
error-password-mismatch = Please type the same new password twice.
error-forbidden-title = Not allowed
error-forbidden = You do not have permission to see this page or do this.
error-stale-form-title = The form has expired
error-stale-form = The form was old or sent from elsewhere, so nothing was changed. Please open the page again and retry.
error-too-many-title = Too many attempts
error-too-many = There were too many attempts in a short time. Please try again in a few minutes.

## Administration
nav-admin = Administration
admin-people-title = People
admin-people-search = Name (Bengali or English)
admin-people-search-submit = Search
admin-people-found = { $count } found
admin-person-new-title = Add a person
admin-posts-title = Posts
admin-name-bn = Name in Bengali
admin-name-en = Name in English
admin-phone = Phone
admin-save = Save
admin-postings = Postings
admin-no-postings = No postings recorded.
admin-office = Office
admin-tenure = Tenure
admin-charge = Charge
admin-posting-current = present
admin-posting-post = Post
admin-posting-from = From
admin-posting-add = Add posting
admin-account = Account
admin-no-account = This person has no account.
admin-account-open = Open an account
admin-account-opened = The account is open. First password: { $password } — shown only now; give it to the person and ask them to change it after signing in.
admin-account-active = active
admin-account-inactive = inactive
admin-grant-role = Role
admin-grant = Grant
admin-revoke = Withdraw
admin-history = History of changes
admin-no-history = No changes recorded.
admin-post-new = Add a post
admin-post-unit = Unit (optional)
admin-post-label-bn = Name of the post in documents (Bengali, optional)
admin-post-label-en = Name of the post in documents (English, optional)
error-unit-of-other-office = This unit does not belong to the chosen office.
admin-offices-title = Offices and units
admin-office-new = Add an office
admin-unit-new = Add a unit
admin-key = Key (lowercase letters, digits and hyphens)
admin-parent = Office above
admin-kind = Kind of office
admin-level = Level of the unit
admin-short-name = Short name (English)
admin-memo-code = Memo-number code (2–4 digits)
admin-unit-code = Branch code (3 digits)
admin-import-heading = Import offices from Excel (XLSX) or CSV
admin-import-intro = The first row names the columns; if any row is wrong nothing is imported and each wrong row is reported. Columns:
admin-import-file = XLSX or CSV (UTF-8) file
admin-import-submit = Import
admin-import-done = { $count } offices imported.
admin-import-problem = Line { $line }, column { $column }: { $message }
admin-export = Download every office
audit-action-create = created
audit-action-update = changed
audit-entity-setting = setting
audit-entity-office = office
audit-entity-unit = unit
audit-entity-designation = designation
audit-entity-post = post
audit-entity-person = person
audit-entity-posting = posting
audit-entity-team = innovation team
audit-entity-distribution-list = distribution list
audit-entity-distribution-entry = distribution recipient
audit-entity-team-order = office order
audit-entity-team-order-member = team membership
audit-entity-team-order-term = term of reference
audit-entity-meeting = meeting
audit-entity-meeting-attendance = attendance
audit-entity-decision = decision
audit-entity-decision-responsible = responsible body
audit-entity-account = account
audit-entity-role-grant = role grant
audit-action-delete = deleted
error-person-has-account = This person already has an account.
error-bad-date-field = The date could not be read.

## Password reset
login-forgot = Forgot your password?
reset-title = Recover your password
reset-intro = Enter your account's email. A link to set a new password will be sent there; it works for one hour and only once.
reset-send = Send the link
reset-sent = If this address has an account, a link to set a new password has been sent to it. Please check your email.
reset-new-title = Set a new password
reset-link-dead = This link has expired or has already been used.
reset-ask-again = Ask for a new link
reset-done = Your new password is set. Sign in with it now.
reset-mail-subject = Udbhabon: your password-reset link
reset-mail-body = Open the link below to set a new password for your Udbhabon account. It works for one hour and only once.

    { $link }

    If you did not ask for this, ignore this email; your password will not change.

## Memo register
nav-memos = Memo register
memo-title = Memo register of the { $office }
memo-intro = Every memo number issued from each file is kept here; a number is given out only once.
memo-take-heading = Take a new memo number
memo-file = File
memo-purpose-bn = Subject (in Bengali)
memo-purpose-en = Subject (in English)
memo-take = Take a number
memo-taken = New memo number: { $memo }
memo-register-heading = Numbers issued
memo-empty = No number has been issued yet.
memo-purpose = Subject
memo-issued-by = Taken by

## Errors
error-key = A key has only lowercase English letters, digits and hyphens (at most 64).
error-key-taken = This key is already in use.
error-parent-unknown = There is no such office above; add it first or put it on an earlier line of the file.
error-office-kind = This kind of office is not known.
error-memo-code = The code has 2 to 4 digits.
error-unit-code = A branch code has 3 digits.
error-website = A website address cannot contain spaces.
error-import-unknown-column = This column is not known.
error-import-missing-column = This column is required.
error-import-row = The row could not be read.
error-import-encoding = The file could not be read: it must be XLSX or UTF-8 CSV (save it from the spreadsheet as "CSV UTF-8").
error-not-found-title = Page not found
error-not-found = What you are looking for is not here. Please check the address.
error-bad-date = The date could not be read. Write it as 26-01-2026 or 2026-01-26.
error-internal-title = Something went wrong
error-internal = Your request could not be completed just now. Please try again shortly. If it persists, quote this number: { $request }
error-no-fonts-title = The PDF could not be made
error-no-fonts = The server has no Bengali font. Ask the system administrator to install the fonts-noto-core package or to put Noto Serif Bengali or Nikosh in the fonts folder.
error-back-home = Back to the home page
