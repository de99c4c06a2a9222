# udbhabon: Bengali, the default language.

## Layout
app-name = উদ্ভাবন
app-tagline = ইনোভেশন টিমের কাজের ব্যবস্থাপনা
government = গণপ্রজাতন্ত্রী বাংলাদেশ সরকার
nav-label = প্রধান মেনু
nav-home = প্রথম পাতা
nav-offices = দপ্তরসমূহ
nav-team = ইনোভেশন টিম
nav-meetings = সভা
switch-language = English
switch-language-label = Read this page in English
skip-to-content = মূল অংশে যান
footer-today = আজ { $date }
footer-about = উদ্ভাবন: মন্ত্রণালয়, দপ্তর ও মাঠ পর্যায়ের অফিসের ইনোভেশন টিমের কর্মপরিকল্পনা, সভা ও প্রতিবেদনের ব্যবস্থা।

## Home
home-title = প্রথম পাতা
home-team-heading = ইনোভেশন টিম
home-team-constituted = অফিস আদেশ নং { $memo }, তারিখ { $date }
home-team-open = টিমের বিস্তারিত দেখুন
home-meeting-heading = সর্বশেষ সভা
home-meeting-open = কার্যবিবরণী ও সিদ্ধান্ত দেখুন
home-offices-heading = আওতাধীন দপ্তর
home-offices-count = আওতাধীন দপ্তর/সংস্থা { $count }টি
home-offices-open = দপ্তরের তালিকা দেখুন
home-no-team = এই দপ্তরের কোনো ইনোভেশন টিম এখনো গঠিত হয়নি।
home-no-meeting = এখনো কোনো সভার তথ্য নেই।
home-empty = কোনো দপ্তরের তথ্য নেই। `udbhabon demo` চালিয়ে নমুনা তথ্য যোগ করুন।

## Offices
offices-title = দপ্তরসমূহ
offices-intro = মন্ত্রণালয়/বিভাগ, আওতাধীন অধিদপ্তর/সংস্থা ও মাঠ পর্যায়ের অফিস এবং প্রতিটির অভ্যন্তরীণ শাখা।
offices-units = অভ্যন্তরীণ শাখা/ইউনিট ({ $count }টি)
offices-memo-code = স্মারক কোড { $code }
offices-website = ওয়েবসাইট

## Team
team-title = { $office }-এর ইনোভেশন টিম
team-members-count = সদস্য { $count } জন
team-order-heading = গঠনের অফিস আদেশ
team-order-memo = স্মারক নম্বর
team-order-date = তারিখ
team-order-effective = কার্যকর
team-order-cites = সূত্র
team-order-pdf = অফিস আদেশ (পিডিএফ) ডাউনলোড
team-members-heading = টিমের সদস্য
team-serial = ক্রম
team-post = পদবি
team-role = টিমে ভূমিকা
team-holder = দায়িত্বপ্রাপ্ত কর্মকর্তা
team-vacant = পদটি শূন্য বা তথ্য নেই
team-terms-heading = ইনোভেশন টিমের কার্যপরিধি
team-on-date-heading = নির্দিষ্ট তারিখের টিম
team-on-date-label = তারিখ
team-on-date-submit = দেখুন
team-on-date-showing = { $date } তারিখের টিম দেখানো হচ্ছে
team-no-order = { $date } তারিখে এই টিম গঠনের কোনো অফিস আদেশ কার্যকর ছিল না।
team-history-heading = আদেশের ইতিহাস
team-history-superseded = পরবর্তী আদেশে বাতিল
team-history-in-force = বর্তমানে কার্যকর

## Meetings
meetings-title = সভাসমূহ
meetings-empty = এখনো কোনো সভার তথ্য নেই।
meeting-chair = সভাপতি
meeting-date = সভার তারিখ
meeting-time = সভার সময়
meeting-place = স্থান
meeting-attendance = উপস্থিতি
meeting-attendance-appendix = পরিশিষ্ট-ক দ্রষ্টব্য
meeting-attendance-heading = পরিশিষ্ট-ক: উপস্থিতি
meeting-present = উপস্থিত
meeting-absent = অনুপস্থিত
meeting-decisions-heading = সিদ্ধান্তসমূহ
meeting-decision-serial = ক্রম
meeting-decision-text = সিদ্ধান্ত
meeting-decision-responsible = কার্যক্রম গ্রহণে/ বাস্তবায়নে
meeting-decision-deadline = সময়সীমা
meeting-memo = স্মারক নম্বর
meeting-issued = তারিখ
meeting-distribution-heading = বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়)
meeting-attention = দৃষ্টি আকর্ষণ: { $whom }
meeting-sequence = { $ordinal } সভা
meeting-decisions-count = সিদ্ধান্ত { $count }টি

## Deadlines
deadline-by = { $date }-এর মধ্যে
deadline-monthly = প্রতি মাসের { $day } তারিখের মধ্যে
deadline-yearly = প্রতি বছর
deadline-unspecified = নির্ধারিত সময়ের মধ্যে

## Vocabulary
office-kind-ministry = মন্ত্রণালয়
office-kind-division = বিভাগ
office-kind-department = অধিদপ্তর
office-kind-board = বোর্ড
office-kind-tribunal = ট্রাইব্যুনাল
office-kind-foundation = ফাউন্ডেশন
office-kind-fund = তহবিল
office-kind-divisional-office = বিভাগীয় কার্যালয়
office-kind-district-office = জেলা কার্যালয়
office-kind-upazila-office = উপজেলা কার্যালয়
unit-level-wing = অনুবিভাগ
unit-level-branch = অধিশাখা
unit-level-section = শাখা
unit-level-cell = সেল
unit-level-head-office = দপ্তর
team-role-chief-innovation-officer = চিফ ইনোভেশন অফিসার
team-role-innovation-officer = ইনোভেশন অফিসার
team-role-member = সদস্য
team-role-member-secretary = সদস্য সচিব
charge-regular = নিয়মিত
charge-additional = অতিরিক্ত দায়িত্ব
charge-current = চলতি দায়িত্ব
meeting-kind-quarterly-review = ত্রৈমাসিক পর্যালোচনা সভা
meeting-kind-monthly-coordination = মাসিক সমন্বয় সভা
meeting-kind-workshop = কর্মশালা
meeting-kind-other = অন্যান্য সভা

## Documents
doc-memo-label = নম্বর
doc-date-label = তারিখ
doc-office-order-title = অফিস আদেশ

## Signing in
nav-sign-in = প্রবেশ
nav-sign-out = প্রস্থান
login-title = প্রবেশ করুন
login-intro = আপনার দাপ্তরিক ইমেইল ও পাসওয়ার্ড দিয়ে প্রবেশ করুন।
login-email = ইমেইল
login-password = পাসওয়ার্ড
login-submit = প্রবেশ
login-wrong = ইমেইল বা পাসওয়ার্ড সঠিক নয়। আবার চেষ্টা করুন।
login-locked = বারবার ভুল পাসওয়ার্ড দেওয়ায় অ্যাকাউন্টটি সাময়িকভাবে বন্ধ আছে। { $until }-এর পর আবার চেষ্টা করুন।
account-title = আমার অ্যাকাউন্ট
account-roles = দায়িত্ব
account-no-roles = এই অ্যাকাউন্টে এখনো কোনো দায়িত্ব দেওয়া হয়নি।
account-password-heading = পাসওয়ার্ড পরিবর্তন
account-password-current = বর্তমান পাসওয়ার্ড
account-password-new = নতুন পাসওয়ার্ড (অন্তত ১০ অক্ষর)
account-password-confirm = নতুন পাসওয়ার্ড আবার লিখুন
account-password-submit = পাসওয়ার্ড পরিবর্তন করুন
account-password-changed = পাসওয়ার্ড পরিবর্তন হয়েছে। অন্য সব ডিভাইস থেকে প্রস্থান করানো হয়েছে।
account-sessions-heading = সব ডিভাইস থেকে প্রস্থান
account-sessions-intro = অন্য কোনো কম্পিউটার বা ফোনে প্রবেশ করা থাকলে সেগুলোসহ এখানেও প্রস্থান হবে।
account-sign-out-everywhere = সব ডিভাইস থেকে প্রস্থান করুন
role-system-administrator = সিস্টেম প্রশাসক
role-member-secretary = সদস্য সচিব
role-chief-innovation-officer = চিফ ইনোভেশন অফিসার
role-team-member = টিম সদস্য
role-focal-point = ফোকাল পয়েন্ট
role-reviewer = পর্যালোচক
role-viewer = দর্শক
error-required = এই ঘরটি পূরণ করুন।
error-email = একটি সঠিক ইমেইল ঠিকানা লিখুন।
error-email-taken = এই ইমেইলে আগেই একটি অ্যাকাউন্ট আছে।
error-password-short = পাসওয়ার্ড অন্তত { $min } অক্ষরের হতে হবে।
error-password-long = পাসওয়ার্ড { $max } অক্ষরের বেশি হতে পারবে না।
error-password-is-email = পাসওয়ার্ড ও ইমেইল একই হতে পারবে না।
error-password-current = বর্তমান পাসওয়ার্ডটি সঠিক নয়।
error-password-mismatch = নতুন পাসওয়ার্ড দুবার একই লিখুন।
error-forbidden-title = অনুমতি নেই
error-forbidden = এই পাতাটি দেখার বা এই কাজটি করার অনুমতি আপনার নেই।
error-stale-form-title = ফর্মটির মেয়াদ শেষ
error-stale-form = ফর্মটি পুরোনো বা অন্য কোথাও থেকে পাঠানো হয়েছে, তাই কিছুই পরিবর্তন করা হয়নি। পাতাটি আবার খুলে চেষ্টা করুন।
error-too-many-title = অনেকবার চেষ্টা করা হয়েছে
error-too-many = অল্প সময়ে অনেকবার চেষ্টা করা হয়েছে। কয়েক মিনিট পর আবার চেষ্টা করুন।

## Administration
nav-admin = প্রশাসন
admin-people-title = ব্যক্তি
admin-people-search = নাম (বাংলা বা ইংরেজি)
admin-people-search-submit = খুঁজুন
admin-people-found = { $count } জন পাওয়া গেছে
admin-person-new-title = নতুন ব্যক্তি যোগ করুন
admin-posts-title = পদসমূহ
admin-name-bn = নাম (বাংলায়)
admin-name-en = নাম (ইংরেজিতে)
admin-phone = ফোন
admin-save = সংরক্ষণ করুন
admin-postings = পদায়ন
admin-no-postings = কোনো পদায়নের তথ্য নেই।
admin-office = দপ্তর
admin-tenure = মেয়াদ
admin-charge = দায়িত্বের ধরন
admin-posting-current = বর্তমান
admin-posting-post = পদ
admin-posting-from = যে তারিখ থেকে
admin-posting-add = পদায়ন যোগ করুন
admin-account = অ্যাকাউন্ট
admin-no-account = এই ব্যক্তির কোনো অ্যাকাউন্ট নেই।
admin-account-open = অ্যাকাউন্ট খুলুন
admin-account-opened = অ্যাকাউন্ট খোলা হয়েছে। প্রথম পাসওয়ার্ড: { $password } — এটি কেবল এখনই দেখানো হচ্ছে; ব্যক্তিকে জানিয়ে দিন এবং প্রথম প্রবেশের পর পরিবর্তন করতে বলুন।
admin-account-active = সক্রিয়
admin-account-inactive = নিষ্ক্রিয়
admin-grant-role = দায়িত্ব
admin-grant = দায়িত্ব দিন
admin-revoke = প্রত্যাহার
admin-history = পরিবর্তনের ইতিহাস
admin-no-history = কোনো পরিবর্তনের তথ্য নেই।
admin-post-new = নতুন পদ যোগ করুন
admin-post-unit = শাখা/ইউনিট (ঐচ্ছিক)
admin-post-label-bn = দলিলে পদের নাম (বাংলায়, ঐচ্ছিক)
admin-post-label-en = দলিলে পদের নাম (ইংরেজিতে, ঐচ্ছিক)
error-unit-of-other-office = এই শাখাটি বেছে নেওয়া দপ্তরের নয়।
admin-offices-title = দপ্তর ও শাখা
admin-office-new = নতুন দপ্তর যোগ করুন
admin-unit-new = নতুন শাখা/ইউনিট যোগ করুন
admin-key = সংকেত (ইংরেজি ছোট হাতের অক্ষর, সংখ্যা ও হাইফেন)
admin-parent = ঊর্ধ্বতন দপ্তর
admin-kind = দপ্তরের ধরন
admin-level = ইউনিটের স্তর
admin-short-name = সংক্ষিপ্ত নাম (ইংরেজিতে)
admin-memo-code = স্মারক নম্বরের কোড (২–৪ অঙ্ক)
admin-unit-code = শাখার কোড (৩ অঙ্ক)
admin-import-heading = এক্সেল (XLSX) বা সিএসভি থেকে দপ্তর আমদানি
admin-import-intro = প্রথম সারিতে কলামের নাম থাকবে; কোনো একটি সারিতে ভুল থাকলে কিছুই আমদানি হবে না এবং প্রতিটি ভুল সারির বিবরণ দেখানো হবে। কলাম:
admin-import-file = XLSX বা সিএসভি (UTF-8) ফাইল
admin-import-submit = আমদানি করুন
admin-import-done = { $count }টি দপ্তর আমদানি হয়েছে।
admin-import-problem = সারি { $line }, কলাম { $column }: { $message }
admin-export = সব দপ্তর নামান
audit-action-create = তৈরি
audit-action-update = পরিবর্তন
audit-entity-setting = সেটিং
audit-entity-office = দপ্তর
audit-entity-unit = শাখা/ইউনিট
audit-entity-designation = পদবি
audit-entity-post = পদ
audit-entity-person = ব্যক্তি
audit-entity-posting = পদায়ন
audit-entity-team = ইনোভেশন টিম
audit-entity-distribution-list = বিতরণ তালিকা
audit-entity-distribution-entry = বিতরণের প্রাপক
audit-entity-team-order = অফিস আদেশ
audit-entity-team-order-member = টিমের সদস্যপদ
audit-entity-team-order-term = কার্যপরিধির দফা
audit-entity-meeting = সভা
audit-entity-meeting-attendance = উপস্থিতি
audit-entity-decision = সিদ্ধান্ত
audit-entity-decision-responsible = বাস্তবায়নকারী
audit-entity-account = অ্যাকাউন্ট
audit-entity-role-grant = দায়িত্ব প্রদান
audit-action-delete = মুছে ফেলা
error-person-has-account = এই ব্যক্তির আগেই একটি অ্যাকাউন্ট আছে।
error-bad-date-field = তারিখটি বোঝা যায়নি।

## Password reset
login-forgot = পাসওয়ার্ড ভুলে গেছেন?
reset-title = পাসওয়ার্ড পুনরুদ্ধার
reset-intro = আপনার অ্যাকাউন্টের ইমেইল লিখুন। নতুন পাসওয়ার্ড ঠিক করার একটি লিংক সেই ঠিকানায় পাঠানো হবে; লিংকটি এক ঘণ্টা কাজ করবে এবং একবারই ব্যবহার করা যাবে।
reset-send = লিংক পাঠান
reset-sent = এই ঠিকানায় কোনো অ্যাকাউন্ট থাকলে পাসওয়ার্ড ঠিক করার লিংক পাঠানো হয়েছে। ইমেইল দেখুন।
reset-new-title = নতুন পাসওয়ার্ড ঠিক করুন
reset-link-dead = এই লিংকটির মেয়াদ শেষ হয়েছে অথবা আগেই ব্যবহার করা হয়েছে।
reset-ask-again = নতুন লিংকের জন্য আবার অনুরোধ করুন
reset-done = নতুন পাসওয়ার্ড ঠিক হয়েছে। এখন নতুন পাসওয়ার্ড দিয়ে প্রবেশ করুন।
reset-mail-subject = উদ্ভাবন: পাসওয়ার্ড পুনরুদ্ধারের লিংক
reset-mail-body = আপনার উদ্ভাবন অ্যাকাউন্টের পাসওয়ার্ড নতুন করে ঠিক করতে নিচের লিংকটি খুলুন। লিংকটি এক ঘণ্টা কাজ করবে এবং একবারই ব্যবহার করা যাবে।

    { $link }

    আপনি এই অনুরোধ না করে থাকলে এই ইমেইলটি উপেক্ষা করুন; আপনার পাসওয়ার্ড বদলাবে না।

## Memo register
nav-memos = স্মারক নিবন্ধন
memo-title = { $office }-এর স্মারক নিবন্ধন
memo-intro = প্রতিটি নথি থেকে জারি করা প্রতিটি স্মারক নম্বর এখানে থাকে; একটি নম্বর একবারই দেওয়া হয়।
memo-take-heading = নতুন স্মারক নম্বর নিন
memo-file = নথি
memo-purpose-bn = বিষয় (বাংলায়)
memo-purpose-en = বিষয় (ইংরেজিতে)
memo-take = নম্বর নিন
memo-taken = নতুন স্মারক নম্বর: { $memo }
memo-register-heading = জারি করা নম্বর
memo-empty = এখনো কোনো নম্বর জারি হয়নি।
memo-purpose = বিষয়
memo-issued-by = যিনি নিয়েছেন

## Errors
error-key = সংকেতে কেবল ইংরেজি ছোট হাতের অক্ষর, সংখ্যা ও হাইফেন থাকবে (৬৪ অক্ষরের মধ্যে)।
error-key-taken = এই সংকেত আগেই ব্যবহৃত হয়েছে।
error-parent-unknown = এই ঊর্ধ্বতন দপ্তরটি নেই; আগে সেটি যোগ করুন বা ফাইলের আগের সারিতে রাখুন।
error-office-kind = দপ্তরের ধরনটি জানা নেই।
error-memo-code = কোডটি ২ থেকে ৪ অঙ্কের হবে।
error-unit-code = শাখার কোডটি ৩ অঙ্কের হবে।
error-website = ওয়েবসাইটের ঠিকানায় ফাঁকা জায়গা থাকতে পারে না।
error-import-unknown-column = এই কলামটি চেনা যায়নি।
error-import-missing-column = এই কলামটি থাকতে হবে।
error-import-row = সারিটি পড়া যায়নি।
error-import-encoding = ফাইলটি পড়া যায়নি: এটি XLSX বা UTF-8 সিএসভি হতে হবে (স্প্রেডশিট থেকে "CSV UTF-8" হিসেবে সংরক্ষণ করুন)।
error-not-found-title = পাতাটি পাওয়া যায়নি
error-not-found = আপনি যে তথ্য খুঁজছেন তা এখানে নেই। ঠিকানাটি আবার দেখুন।
error-bad-date = তারিখটি বোঝা যায়নি। ২৬-০১-২০২৬ বা 2026-01-26 আকারে লিখুন।
error-internal-title = একটি সমস্যা হয়েছে
error-internal = আপনার অনুরোধটি এখন সম্পন্ন করা যায়নি। কিছুক্ষণ পরে আবার চেষ্টা করুন। সমস্যা থাকলে এই নম্বরটি জানান: { $request }
error-no-fonts-title = পিডিএফ তৈরি করা যায়নি
error-no-fonts = সার্ভারে কোনো বাংলা ফন্ট নেই। সিস্টেম প্রশাসককে fonts-noto-core প্যাকেজ ইনস্টল করতে বা ফন্ট ফোল্ডারে Noto Serif Bengali/নিকস ফন্ট রাখতে বলুন।
error-back-home = প্রথম পাতায় ফিরে যান
