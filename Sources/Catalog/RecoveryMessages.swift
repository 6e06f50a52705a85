// The catalog's keys and texts for recovery: recover, its set-up, questions, codes and keys. See
// Catalog.swift and Messages.swift; terms: docs/GLOSSARY.md.

extension Msg {
    public enum Recovery: CaseIterable, Sendable {
        // MARK: recover
        case rcDiscussion, rcStdinHelp, rcCodeHelp, rcPasswordAbstract, rcPasswordDiscussion, rcUserHelp
        case rcIdentityHelp, rcChooseCodeOrIdentity, promptRecoveryCode, whatRecoveryCode, rcQuestionsChanged
        case rcRecovered, rcTotpOff, rcCodeUsedUp, rcFewCodesOne, rcFewCodesMany, methodAnswers, methodCode, methodKey
        case methodQuestions, rcUsernameAbstract, rcPhoneHelp, rcEmailHelp, rcOnlyOneContact, promptBoundPhone
        case promptBoundEmail, rcBoundTo, rcBoundOperator, rcBoundAccount, rcAccountsAfterProof, rcSetupAbstract
        case rcSetupDiscussion, rcListHelp, rcQuestionHelp, rcRequiredHelp, rcAnswersStdinHelp, rcDropAnswersStdin
        case rcChooseQuestions, rcNoBuiltin, promptAnswer, promptRepeatAnswer, whatAnswerTo, rcAnswersDiffer
        case rcQuestionsSet, rcBuiltinQuestions, rcTypeQuestions, rcQuestionN, rcCodesAbstract, rcCodesDiscussion
        case rcRegenerateHelp, rcCodesLeft, rcNoCodeLeft, rcNewCodes, rcUnlockAbstract, argOperator, rcUnlocked
        case riNoTerminal, riNoTerminalHint, riTooLong, riStdinEnded, riStdinEndedHint, riEmpty, riEmptyHint
        case riAnswerAtLeast, reLockedFor, reLocked, reLockedHint, reWrong, reWrongLeftOne, reWrongLeftMany
        case reWrongNowLocked, reAnswersHint1, reAnswersHint2, reAnswersHint3, reWrongHint, reNoQuestions
        case reNoQuestionsHint, reAdminStronger, reAdminStrongerHint1, reAdminStrongerHint2, reInvalidCode
        case reInvalidCodeHint, reTrivial, taNotText, taShorter, taLonger, taUserName, taPassword, taCommon, taSame
        case reTrivialHint, reInvalidSetupHint, reNoKey, reNoKeyHint, reNothingBoundPhone, reNothingBoundEmail
        case reNothingBoundHint
        // MARK: recovery set-up limits
        case suNotOperator, suQuestionCount, suAnswerCount, suRequiredRange, suTooManySlots, suQuestionEmpty
        case suQuestionTooLong, suQuestionControl, suQuestionTwice

        /// English, then Simplified Chinese.
        public var text: (en: String, zh: String) {
            switch self {
            case .rcDiscussion: ("Answers and codes are never taken from the command line: they are asked on the terminal without echo, or read one per line from standard input with --stdin. docs/RECOVERY.md says which way to take in which situation.",
                                "答案和恢复码从不从命令行读取：在终端上不回显地询问，或用 --stdin 从标准输入每行读一个。什么情况该走哪条路，见 docs/RECOVERY.md。")
            case .rcStdinHelp: ("Read the answers (one per question, empty to skip) or the recovery code from standard input, one per line (`recover password`: the new password is the line after them).",
                               "从标准输入读取答案（每个问题一行，空行表示跳过）或恢复码，每行一个（`recover password`：新密码在它们之后的一行）。")
            case .rcCodeHelp: ("Prove who you are with a one-time recovery code instead of the recovery questions.",
                              "用一个一次性恢复码（而不是密保问题）证明您的身份。")
            case .rcPasswordAbstract: ("Choose a new password after answering your recovery questions, or with a recovery code or the offline recovery key.",
                                      "回答密保问题后，或用恢复码或离线恢复密钥，设置新密码。")
            case .rcPasswordDiscussion: ("Questions alone recover a cashier's or a manager's password; an admin needs --code or --identity FILE (unless `policy set admin-recovery-by-questions on`). The new password must pass the full policy, including the history. Five wrong attempts lock recovery (not login) for that operator for an hour.",
                                        "只靠密保问题可以找回收银员或店长的密码；管理员需要 --code 或 --identity FILE（除非设置了 `policy set admin-recovery-by-questions on`）。新密码必须通过全部密码规则，包括历史记录。错误 5 次后，该操作员的找回功能（不是登录）会被锁定一小时。")
            case .rcUserHelp: ("The operator whose password was forgotten.",
                              "忘记密码的操作员。")
            case .rcIdentityHelp: ("Prove who you are with the offline recovery key (an identity file from `vaultcli keygen --add-to-vault`).",
                                  "用离线恢复密钥证明您的身份（由 `vaultcli keygen --add-to-vault` 生成的身份文件）。")
            case .rcChooseCodeOrIdentity: ("choose one of --code and --identity",
                                          "--code 和 --identity 只能选一个")
            case .promptRecoveryCode: ("Recovery code: ",
                                      "恢复码：")
            case .whatRecoveryCode: ("the recovery code",
                                    "恢复码")
            case .rcQuestionsChanged: ("the recovery questions changed while you answered; nothing was tried or counted: run the command again",
                                      "您回答期间密保问题被改动了；没有尝试也没有计数：请重新运行这个命令")
            case .rcRecovered: ("Password of {0} recovered by {1}; log in with the new password.",
                               "已通过{1}找回 {0} 的密码；请用新密码登录。")
            case .rcTotpOff: ("One-time codes are now off for {0}; turn them on again with a new phone: `vaultcli user totp enable --user {0}`.",
                             "{0} 的一次性验证码现在已关闭；换新手机后请重新开启：`vaultcli user totp enable --user {0}`。")
            case .rcCodeUsedUp: ("That recovery code is now used up; {0} left.",
                                "这个恢复码已用掉；还剩 {0} 个。")
            case .rcFewCodesOne: ("only {0} recovery code left; an admin can print new ones with `vaultcli recover codes --regenerate`",
                                 "只剩 {0} 个恢复码；管理员可以用 `vaultcli recover codes --regenerate` 打印新的")
            case .rcFewCodesMany: ("only {0} recovery codes left; an admin can print new ones with `vaultcli recover codes --regenerate`",
                                  "只剩 {0} 个恢复码；管理员可以用 `vaultcli recover codes --regenerate` 打印新的")
            case .methodAnswers: ("answers",
                                 "密保答案")
            case .methodCode: ("recovery code",
                              "恢复码")
            case .methodKey: ("recovery key",
                             "恢复密钥")
            case .methodQuestions: ("questions",
                                   "密保问题")
            case .rcUsernameAbstract: ("Find the operator names (and account usernames) bound to a phone number or e-mail address, after proof.",
                                      "证明身份后，查出绑定到某个手机号或邮箱的操作员名（和账号用户名）。")
            case .rcPhoneHelp: ("The bound phone number (E.164, or an 11-digit mainland China mobile number).",
                               "绑定的手机号（E.164 格式，或 11 位中国大陆手机号）。")
            case .rcEmailHelp: ("The bound e-mail address.",
                               "绑定的邮箱地址。")
            case .rcOnlyOneContact: ("give only one of --phone and --email",
                                    "--phone 和 --email 只能给一个")
            case .promptBoundPhone: ("Bound phone number (Enter to give an e-mail address instead): ",
                                    "绑定的手机号（直接回车则改为输入邮箱）：")
            case .promptBoundEmail: ("Bound e-mail address: ",
                                    "绑定的邮箱地址：")
            case .rcBoundTo: ("Bound to {0}:",
                             "绑定到 {0} 的有：")
            case .rcBoundOperator: ("  operator: {0}",
                                   "  操作员：{0}")
            case .rcBoundAccount: ("  account username: {0}",
                                  "  账号用户名：{0}")
            case .rcAccountsAfterProof: ("  (account usernames are shown only after proof with admin keys: a recovery code or an admin's answers)",
                                        "  （只有用管理员密钥证明身份后才显示账号用户名：恢复码或管理员的密保答案）")
            case .rcSetupAbstract: ("Set up your recovery questions (you log in with your password first).",
                                   "设置您的密保问题（先用密码登录）。")
            case .rcSetupDiscussion: ("Choose 3 to 6 questions with --question: a number from the built-in list (shown by --list), or your own question's text. Any --required of them (default 2) will recover your password. Answers are asked twice on the terminal without echo; with --password-stdin they follow your password, one per line (or use --answers-stdin). Answers ignore case, full- and half-width forms and extra spaces, and must not be shorter than 3 characters, your user name, your password or a common password.",
                                     "用 --question 选 3 到 6 个问题：内置列表中的编号（--list 显示），或您自己的问题。答对其中任意 --required 个（默认 2 个）就能找回密码。答案在终端上不回显地问两次；用 --password-stdin 时，答案跟在密码后面，每行一个（或用 --answers-stdin）。答案不区分大小写、全角半角和多余空格，不能短于 3 个字符，也不能是您的用户名、密码或常用密码。")
            case .rcListHelp: ("List the built-in questions and exit.",
                              "列出内置问题后退出。")
            case .rcQuestionHelp: ("A question: a built-in number, or your own text (repeat 3 to 6 times).",
                                  "一个问题：内置编号，或您自己写的问题（重复 3 到 6 次）。")
            case .rcRequiredHelp: ("How many right answers recover the password (2 to the number of questions).",
                                  "答对几个就能找回密码（2 到问题个数）。")
            case .rcAnswersStdinHelp: ("Read the answers from standard input, one per line, in question order.",
                                      "从标准输入按问题顺序读取答案，每行一个。")
            case .rcDropAnswersStdin: ("--password-stdin already reads the answers from standard input after the password; drop --answers-stdin",
                                      "--password-stdin 已经会在密码之后从标准输入读取答案；请去掉 --answers-stdin")
            case .rcChooseQuestions: ("choose the questions with --question (see `vaultcli recover setup --list`)",
                                     "请用 --question 选择问题（参见 `vaultcli recover setup --list`）")
            case .rcNoBuiltin: ("there is no built-in question {0} (1 to {1})",
                               "没有第 {0} 号内置问题（1 到 {1}）")
            case .promptAnswer: ("   Answer: ",
                                "   答案：")
            case .promptRepeatAnswer: ("   Repeat the answer: ",
                                      "   再输一次答案：")
            case .whatAnswerTo: ("the answer to question {0}",
                                "第 {0} 题的答案")
            case .rcAnswersDiffer: ("the two answers to question {0} differ; nothing was changed",
                                   "第 {0} 题两次输入的答案不一致；没有任何改动")
            case .rcQuestionsSet: ("Recovery questions set for {0}: any {1} of the {2} answers recover the password.",
                                  "已为 {0} 设置密保问题：{2} 个答案中答对任意 {1} 个即可找回密码。")
            case .rcBuiltinQuestions: ("Built-in questions:",
                                      "内置问题：")
            case .rcTypeQuestions: ("Type a number, or your own question, one per line; an empty line ends the list (3 to 6 questions).",
                                   "请输入编号或您自己的问题，每行一个；空行结束（3 到 6 个问题）。")
            case .rcQuestionN: ("Question {0}: ",
                               "问题 {0}：")
            case .rcCodesAbstract: ("Show how many recovery codes are left, or print ten new ones (admins, --regenerate).",
                                   "显示还剩几个恢复码，或打印十个新的（管理员，--regenerate）。")
            case .rcCodesDiscussion: ("--regenerate revokes every unused code and prints ten new ones once. Keep them offline, apart from the terminal.",
                                     "--regenerate 作废所有未用的恢复码，并打印一次十个新的。请离线保存，与终端分开存放。")
            case .rcRegenerateHelp: ("Replace every recovery code with ten new ones (admins).",
                                    "用十个新的恢复码替换全部旧的（管理员）。")
            case .rcCodesLeft: ("{0} of {1} recovery codes left.",
                               "{1} 个恢复码还剩 {0} 个。")
            case .rcNoCodeLeft: ("no recovery code is left; an admin can print new ones with `vaultcli recover codes --regenerate`",
                                "一个恢复码也不剩了；管理员可以用 `vaultcli recover codes --regenerate` 打印新的")
            case .rcNewCodes: ("New recovery codes; every older code no longer works.",
                              "新的恢复码；所有旧恢复码都已失效。")
            case .rcUnlockAbstract: ("Clear an operator's recovery lockout after wrong answers or codes (admins).",
                                    "解除操作员因答错或恢复码错误而被锁定的找回功能（管理员）。")
            case .argOperator: ("The operator.",
                               "操作员。")
            case .rcUnlocked: ("Recovery for {0} is unlocked.",
                              "{0} 的找回功能已解除锁定。")
            case .riNoTerminal: ("no terminal to ask for the recovery answers or code",
                                "没有终端可以询问密保答案或恢复码")
            case .riNoTerminalHint: ("use --stdin and give them one per line on standard input (never on the command line)",
                                    "请用 --stdin，在标准输入上每行给一个（不要写在命令行上）")
            case .riTooLong: ("{0} is longer than 4096 bytes",
                             "{0}超过 4096 字节")
            case .riStdinEnded: ("standard input ended before {0}",
                                "标准输入在{0}之前就结束了")
            case .riStdinEndedHint: ("give one line per secret, in the order the command asks for them",
                                    "请按命令询问的顺序，每个机密一行")
            case .riEmpty: ("{0} is empty",
                           "{0}是空的")
            case .riEmptyHint: ("type it, or pipe it in with --stdin",
                               "请输入，或用 --stdin 通过管道传入")
            case .riAnswerAtLeast: ("Answer at least {0} of these {1} questions (empty to skip; nothing is echoed):",
                                   "请至少回答下面 {1} 个问题中的 {0} 个（空行表示跳过；输入不回显）：")
            case .reLockedFor: ("recovery for {0} is locked after {1} wrong attempts, until {2}",
                               "{0} 的找回功能因错误 {1} 次已被锁定，直到 {2}")
            case .reLocked: ("recovery is locked after {0} wrong attempts, until {1}",
                            "找回功能因错误 {0} 次已被锁定，直到 {1}")
            case .reLockedHint: ("wait, or ask an admin to run `vaultcli recover unlock NAME --user THEIR-NAME`; logging in with a password is not affected",
                                "请等待，或请管理员运行 `vaultcli recover unlock NAME --user THEIR-NAME`；用密码登录不受影响")
            case .reWrong: ("the {0} did not unlock recovery",
                           "{0}没能通过验证")
            case .reWrongLeftOne: ("the {0} did not unlock recovery ({1} attempt left before recovery is locked for an hour)",
                                  "{0}没能通过验证（再错 {1} 次，找回功能将被锁定一小时）")
            case .reWrongLeftMany: ("the {0} did not unlock recovery ({1} attempts left before recovery is locked for an hour)",
                                   "{0}没能通过验证（再错 {1} 次，找回功能将被锁定一小时）")
            case .reWrongNowLocked: ("the {0} did not unlock recovery; recovery is now locked for an hour",
                                    "{0}没能通过验证；找回功能现在被锁定一小时")
            case .reAnswersHint1: ("answers ignore case, width and extra spaces; leave an answer empty to skip a question",
                                  "答案不区分大小写、全角半角和多余空格；不会的题留空即可跳过")
            case .reAnswersHint2: ("or ask an admin or manager to reset the password: `vaultcli user passwd NAME --user THEIR-NAME` (the owner keeps the shop's recovery codes)",
                                  "或请管理员或店长重置密码：`vaultcli user passwd NAME --user THEIR-NAME`（店主保管着店里的恢复码）")
            case .reAnswersHint3: ("if you never set up recovery questions, these were not yours to answer: ask an admin or manager for a reset",
                                  "如果您从没设置过密保问题，这些问题就不是您的：请找管理员或店长重置")
            case .reWrongHint: ("check the code or key file; each recovery code works once; ask an admin for a reset (`vaultcli user passwd NAME --user THEIR-NAME`)",
                               "请核对恢复码或密钥文件；每个恢复码只能用一次；也可以请管理员重置（`vaultcli user passwd NAME --user THEIR-NAME`）")
            case .reNoQuestions: ("no recovery questions are set up for {0}",
                                 "{0} 没有设置密保问题")
            case .reNoQuestionsHint: ("ask an admin or manager to reset the password: `vaultcli user passwd NAME --user THEIR-NAME` (the owner, who keeps the recovery codes, can also use `--code`)",
                                     "请管理员或店长重置密码：`vaultcli user passwd NAME --user THEIR-NAME`（保管恢复码的店主也可以用 `--code`）")
            case .reAdminStronger: ("{0} is an admin: an admin's password is recovered with a recovery code or the offline recovery key, not with questions alone",
                                   "{0} 是管理员：管理员的密码要用恢复码或离线恢复密钥找回，不能只靠密保问题")
            case .reAdminStrongerHint1: ("use --code with one of the recovery codes printed at `vaultcli init`, or --identity FILE with the offline recovery key",
                                        "请用 --code 和 `vaultcli init` 时打印的某个恢复码，或用 --identity FILE 和离线恢复密钥")
            case .reAdminStrongerHint2: ("an admin can allow questions for admins with `vaultcli policy set admin-recovery-by-questions on`",
                                        "管理员可以用 `vaultcli policy set admin-recovery-by-questions on` 允许管理员使用密保问题")
            case .reInvalidCode: ("that is not a recovery code: a code is 20 letters and digits, shown as XXXXX-XXXXX-XXXXX-XXXXX",
                                 "这不是恢复码：恢复码是 20 个字母和数字，显示为 XXXXX-XXXXX-XXXXX-XXXXX")
            case .reInvalidCodeHint: ("type the code as printed; dashes and spaces are optional, and upper or lower case both work",
                                     "请照打印的输入；横线和空格可有可无，大小写都可以")
            case .reTrivial: ("the answer to question {0} {1}; choose an answer that only you know",
                             "第 {0} 题的答案{1}；请选一个只有您知道的答案")
            case .taNotText: ("is not valid UTF-8 text",
                             "不是有效的 UTF-8 文本")
            case .taShorter: ("is shorter than {0} characters",
                             "短于 {0} 个字符")
            case .taLonger: ("is longer than {0} bytes",
                            "超过 {0} 字节")
            case .taUserName: ("is your user name",
                              "是您的用户名")
            case .taPassword: ("is your password",
                              "是您的密码")
            case .taCommon: ("is in the list of common passwords",
                            "在常用密码列表里")
            case .taSame: ("is the same as another answer",
                          "与另一个答案相同")
            case .reTrivialHint: ("answers are compared without case, width or extra spaces, so they must not be guessable; nothing was changed",
                                 "比较答案时不区分大小写、全角半角和多余空格，所以答案不能容易被猜到；没有任何改动")
            case .reInvalidSetupHint: ("see `vaultcli recover setup --help`; nothing was changed",
                                      "参见 `vaultcli recover setup --help`；没有任何改动")
            case .reNoKey: ("this vault holds no offline recovery key",
                           "这个保险库没有离线恢复密钥")
            case .reNoKeyHint: ("an admin adds one with `vaultcli keygen -o FILE --add-to-vault`; meanwhile use a recovery code (--code)",
                               "管理员可以用 `vaultcli keygen -o FILE --add-to-vault` 添加；在此之前请用恢复码（--code）")
            case .reNothingBoundPhone: ("no operator or account is bound to that phone number (a recovery code given for it was not used up)",
                                       "没有操作员或账号绑定到这个手机号（为此给出的恢复码没有被用掉）")
            case .reNothingBoundEmail: ("no operator or account is bound to that e-mail address (a recovery code given for it was not used up)",
                                       "没有操作员或账号绑定到这个邮箱地址（为此给出的恢复码没有被用掉）")
            case .reNothingBoundHint: ("check the number or address (with or without +86 is the same); an admin's `vaultcli user list --user ADMIN` shows what is bound, and `vaultcli user edit NAME --phone NUMBER --user ADMIN` binds one",
                                      "请核对号码或地址（带不带 +86 都一样）；管理员的 `vaultcli user list --user ADMIN` 显示绑定了什么，`vaultcli user edit NAME --phone NUMBER --user ADMIN` 可以绑定")
            case .suNotOperator: ("recovery questions belong to an operator: log in as that operator to set them up",
                                 "密保问题属于某个操作员：请以该操作员身份登录后再设置")
            case .suQuestionCount: ("choose between {0} and {1} questions ({2} given)",
                                   "请选 {0} 到 {1} 个问题（给了 {2} 个）")
            case .suAnswerCount: ("{0} questions but {1} answers",
                                 "{0} 个问题，却有 {1} 个答案")
            case .suRequiredRange: ("the number of answers required must be between {0} and {1} ({2} given)",
                                   "需要答对的个数必须在 {0} 到 {1} 之间（给了 {2}）")
            case .suTooManySlots: ("{0} of {1} needs {2} keyslots; at most {3} are allowed (use fewer questions or require more answers)",
                                  "{1} 个中答对 {0} 个需要 {2} 个密钥槽；最多允许 {3} 个（请减少问题，或要求答对更多）")
            case .suQuestionEmpty: ("question {0} is empty",
                                   "第 {0} 个问题是空的")
            case .suQuestionTooLong: ("question {0} is longer than {1} bytes",
                                     "第 {0} 个问题超过 {1} 字节")
            case .suQuestionControl: ("question {0} contains a control character",
                                     "第 {0} 个问题含有控制字符")
            case .suQuestionTwice: ("question {0} is asked twice",
                                   "第 {0} 个问题重复了")
            }
        }
    }
}

extension Msg {
    @_alwaysEmitIntoClient public static var rcDiscussion: Msg { .recovery(.rcDiscussion) }
    @_alwaysEmitIntoClient public static var rcStdinHelp: Msg { .recovery(.rcStdinHelp) }
    @_alwaysEmitIntoClient public static var rcCodeHelp: Msg { .recovery(.rcCodeHelp) }
    @_alwaysEmitIntoClient public static var rcPasswordAbstract: Msg { .recovery(.rcPasswordAbstract) }
    @_alwaysEmitIntoClient public static var rcPasswordDiscussion: Msg { .recovery(.rcPasswordDiscussion) }
    @_alwaysEmitIntoClient public static var rcUserHelp: Msg { .recovery(.rcUserHelp) }
    @_alwaysEmitIntoClient public static var rcIdentityHelp: Msg { .recovery(.rcIdentityHelp) }
    @_alwaysEmitIntoClient public static var rcChooseCodeOrIdentity: Msg { .recovery(.rcChooseCodeOrIdentity) }
    @_alwaysEmitIntoClient public static var promptRecoveryCode: Msg { .recovery(.promptRecoveryCode) }
    @_alwaysEmitIntoClient public static var whatRecoveryCode: Msg { .recovery(.whatRecoveryCode) }
    @_alwaysEmitIntoClient public static var rcQuestionsChanged: Msg { .recovery(.rcQuestionsChanged) }
    @_alwaysEmitIntoClient public static var rcRecovered: Msg { .recovery(.rcRecovered) }
    @_alwaysEmitIntoClient public static var rcTotpOff: Msg { .recovery(.rcTotpOff) }
    @_alwaysEmitIntoClient public static var rcCodeUsedUp: Msg { .recovery(.rcCodeUsedUp) }
    @_alwaysEmitIntoClient public static var rcFewCodesOne: Msg { .recovery(.rcFewCodesOne) }
    @_alwaysEmitIntoClient public static var rcFewCodesMany: Msg { .recovery(.rcFewCodesMany) }
    @_alwaysEmitIntoClient public static var methodAnswers: Msg { .recovery(.methodAnswers) }
    @_alwaysEmitIntoClient public static var methodCode: Msg { .recovery(.methodCode) }
    @_alwaysEmitIntoClient public static var methodKey: Msg { .recovery(.methodKey) }
    @_alwaysEmitIntoClient public static var methodQuestions: Msg { .recovery(.methodQuestions) }
    @_alwaysEmitIntoClient public static var rcUsernameAbstract: Msg { .recovery(.rcUsernameAbstract) }
    @_alwaysEmitIntoClient public static var rcPhoneHelp: Msg { .recovery(.rcPhoneHelp) }
    @_alwaysEmitIntoClient public static var rcEmailHelp: Msg { .recovery(.rcEmailHelp) }
    @_alwaysEmitIntoClient public static var rcOnlyOneContact: Msg { .recovery(.rcOnlyOneContact) }
    @_alwaysEmitIntoClient public static var promptBoundPhone: Msg { .recovery(.promptBoundPhone) }
    @_alwaysEmitIntoClient public static var promptBoundEmail: Msg { .recovery(.promptBoundEmail) }
    @_alwaysEmitIntoClient public static var rcBoundTo: Msg { .recovery(.rcBoundTo) }
    @_alwaysEmitIntoClient public static var rcBoundOperator: Msg { .recovery(.rcBoundOperator) }
    @_alwaysEmitIntoClient public static var rcBoundAccount: Msg { .recovery(.rcBoundAccount) }
    @_alwaysEmitIntoClient public static var rcAccountsAfterProof: Msg { .recovery(.rcAccountsAfterProof) }
    @_alwaysEmitIntoClient public static var rcSetupAbstract: Msg { .recovery(.rcSetupAbstract) }
    @_alwaysEmitIntoClient public static var rcSetupDiscussion: Msg { .recovery(.rcSetupDiscussion) }
    @_alwaysEmitIntoClient public static var rcListHelp: Msg { .recovery(.rcListHelp) }
    @_alwaysEmitIntoClient public static var rcQuestionHelp: Msg { .recovery(.rcQuestionHelp) }
    @_alwaysEmitIntoClient public static var rcRequiredHelp: Msg { .recovery(.rcRequiredHelp) }
    @_alwaysEmitIntoClient public static var rcAnswersStdinHelp: Msg { .recovery(.rcAnswersStdinHelp) }
    @_alwaysEmitIntoClient public static var rcDropAnswersStdin: Msg { .recovery(.rcDropAnswersStdin) }
    @_alwaysEmitIntoClient public static var rcChooseQuestions: Msg { .recovery(.rcChooseQuestions) }
    @_alwaysEmitIntoClient public static var rcNoBuiltin: Msg { .recovery(.rcNoBuiltin) }
    @_alwaysEmitIntoClient public static var promptAnswer: Msg { .recovery(.promptAnswer) }
    @_alwaysEmitIntoClient public static var promptRepeatAnswer: Msg { .recovery(.promptRepeatAnswer) }
    @_alwaysEmitIntoClient public static var whatAnswerTo: Msg { .recovery(.whatAnswerTo) }
    @_alwaysEmitIntoClient public static var rcAnswersDiffer: Msg { .recovery(.rcAnswersDiffer) }
    @_alwaysEmitIntoClient public static var rcQuestionsSet: Msg { .recovery(.rcQuestionsSet) }
    @_alwaysEmitIntoClient public static var rcBuiltinQuestions: Msg { .recovery(.rcBuiltinQuestions) }
    @_alwaysEmitIntoClient public static var rcTypeQuestions: Msg { .recovery(.rcTypeQuestions) }
    @_alwaysEmitIntoClient public static var rcQuestionN: Msg { .recovery(.rcQuestionN) }
    @_alwaysEmitIntoClient public static var rcCodesAbstract: Msg { .recovery(.rcCodesAbstract) }
    @_alwaysEmitIntoClient public static var rcCodesDiscussion: Msg { .recovery(.rcCodesDiscussion) }
    @_alwaysEmitIntoClient public static var rcRegenerateHelp: Msg { .recovery(.rcRegenerateHelp) }
    @_alwaysEmitIntoClient public static var rcCodesLeft: Msg { .recovery(.rcCodesLeft) }
    @_alwaysEmitIntoClient public static var rcNoCodeLeft: Msg { .recovery(.rcNoCodeLeft) }
    @_alwaysEmitIntoClient public static var rcNewCodes: Msg { .recovery(.rcNewCodes) }
    @_alwaysEmitIntoClient public static var rcUnlockAbstract: Msg { .recovery(.rcUnlockAbstract) }
    @_alwaysEmitIntoClient public static var argOperator: Msg { .recovery(.argOperator) }
    @_alwaysEmitIntoClient public static var rcUnlocked: Msg { .recovery(.rcUnlocked) }
    @_alwaysEmitIntoClient public static var riNoTerminal: Msg { .recovery(.riNoTerminal) }
    @_alwaysEmitIntoClient public static var riNoTerminalHint: Msg { .recovery(.riNoTerminalHint) }
    @_alwaysEmitIntoClient public static var riTooLong: Msg { .recovery(.riTooLong) }
    @_alwaysEmitIntoClient public static var riStdinEnded: Msg { .recovery(.riStdinEnded) }
    @_alwaysEmitIntoClient public static var riStdinEndedHint: Msg { .recovery(.riStdinEndedHint) }
    @_alwaysEmitIntoClient public static var riEmpty: Msg { .recovery(.riEmpty) }
    @_alwaysEmitIntoClient public static var riEmptyHint: Msg { .recovery(.riEmptyHint) }
    @_alwaysEmitIntoClient public static var riAnswerAtLeast: Msg { .recovery(.riAnswerAtLeast) }
    @_alwaysEmitIntoClient public static var reLockedFor: Msg { .recovery(.reLockedFor) }
    @_alwaysEmitIntoClient public static var reLocked: Msg { .recovery(.reLocked) }
    @_alwaysEmitIntoClient public static var reLockedHint: Msg { .recovery(.reLockedHint) }
    @_alwaysEmitIntoClient public static var reWrong: Msg { .recovery(.reWrong) }
    @_alwaysEmitIntoClient public static var reWrongLeftOne: Msg { .recovery(.reWrongLeftOne) }
    @_alwaysEmitIntoClient public static var reWrongLeftMany: Msg { .recovery(.reWrongLeftMany) }
    @_alwaysEmitIntoClient public static var reWrongNowLocked: Msg { .recovery(.reWrongNowLocked) }
    @_alwaysEmitIntoClient public static var reAnswersHint1: Msg { .recovery(.reAnswersHint1) }
    @_alwaysEmitIntoClient public static var reAnswersHint2: Msg { .recovery(.reAnswersHint2) }
    @_alwaysEmitIntoClient public static var reAnswersHint3: Msg { .recovery(.reAnswersHint3) }
    @_alwaysEmitIntoClient public static var reWrongHint: Msg { .recovery(.reWrongHint) }
    @_alwaysEmitIntoClient public static var reNoQuestions: Msg { .recovery(.reNoQuestions) }
    @_alwaysEmitIntoClient public static var reNoQuestionsHint: Msg { .recovery(.reNoQuestionsHint) }
    @_alwaysEmitIntoClient public static var reAdminStronger: Msg { .recovery(.reAdminStronger) }
    @_alwaysEmitIntoClient public static var reAdminStrongerHint1: Msg { .recovery(.reAdminStrongerHint1) }
    @_alwaysEmitIntoClient public static var reAdminStrongerHint2: Msg { .recovery(.reAdminStrongerHint2) }
    @_alwaysEmitIntoClient public static var reInvalidCode: Msg { .recovery(.reInvalidCode) }
    @_alwaysEmitIntoClient public static var reInvalidCodeHint: Msg { .recovery(.reInvalidCodeHint) }
    @_alwaysEmitIntoClient public static var reTrivial: Msg { .recovery(.reTrivial) }
    @_alwaysEmitIntoClient public static var taNotText: Msg { .recovery(.taNotText) }
    @_alwaysEmitIntoClient public static var taShorter: Msg { .recovery(.taShorter) }
    @_alwaysEmitIntoClient public static var taLonger: Msg { .recovery(.taLonger) }
    @_alwaysEmitIntoClient public static var taUserName: Msg { .recovery(.taUserName) }
    @_alwaysEmitIntoClient public static var taPassword: Msg { .recovery(.taPassword) }
    @_alwaysEmitIntoClient public static var taCommon: Msg { .recovery(.taCommon) }
    @_alwaysEmitIntoClient public static var taSame: Msg { .recovery(.taSame) }
    @_alwaysEmitIntoClient public static var reTrivialHint: Msg { .recovery(.reTrivialHint) }
    @_alwaysEmitIntoClient public static var reInvalidSetupHint: Msg { .recovery(.reInvalidSetupHint) }
    @_alwaysEmitIntoClient public static var reNoKey: Msg { .recovery(.reNoKey) }
    @_alwaysEmitIntoClient public static var reNoKeyHint: Msg { .recovery(.reNoKeyHint) }
    @_alwaysEmitIntoClient public static var reNothingBoundPhone: Msg { .recovery(.reNothingBoundPhone) }
    @_alwaysEmitIntoClient public static var reNothingBoundEmail: Msg { .recovery(.reNothingBoundEmail) }
    @_alwaysEmitIntoClient public static var reNothingBoundHint: Msg { .recovery(.reNothingBoundHint) }
    @_alwaysEmitIntoClient public static var suNotOperator: Msg { .recovery(.suNotOperator) }
    @_alwaysEmitIntoClient public static var suQuestionCount: Msg { .recovery(.suQuestionCount) }
    @_alwaysEmitIntoClient public static var suAnswerCount: Msg { .recovery(.suAnswerCount) }
    @_alwaysEmitIntoClient public static var suRequiredRange: Msg { .recovery(.suRequiredRange) }
    @_alwaysEmitIntoClient public static var suTooManySlots: Msg { .recovery(.suTooManySlots) }
    @_alwaysEmitIntoClient public static var suQuestionEmpty: Msg { .recovery(.suQuestionEmpty) }
    @_alwaysEmitIntoClient public static var suQuestionTooLong: Msg { .recovery(.suQuestionTooLong) }
    @_alwaysEmitIntoClient public static var suQuestionControl: Msg { .recovery(.suQuestionControl) }
    @_alwaysEmitIntoClient public static var suQuestionTwice: Msg { .recovery(.suQuestionTwice) }
}
