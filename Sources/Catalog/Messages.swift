// The catalog's keys and texts (see Catalog.swift). One case a message; `text` gives English and
// Simplified Chinese side by side. Terms: docs/GLOSSARY.md.

public enum Msg: CaseIterable, Sendable {
    // MARK: language selection
    case langOptionHelp, langMissingValue, langUnknown, langUnknownEnvironment
    // MARK: the voice of every error
    case cryptoFailure, otherFailure, unknownReason
    // MARK: roles and statuses
    case roleCashier, roleManager, roleAdmin
    // MARK: VaultError
    case vaultNoVault, vaultNoVaultHint, vaultExists, vaultExistsHint, vaultAuthFailed, vaultAuthFailedHint
    case vaultCorrupt, vaultCorruptHint, vaultUnsupportedVersion, vaultUnsupportedVersionHint
    case vaultNotAVault, vaultNotAVaultHint, vaultLockHeld, vaultLockHeldHint
    case ioFailed, ioHintNoSpace, ioHintReadOnly, ioHintPermissions, ioHintDevice
    case vaultSymlink, vaultSymlinkHint, vaultWeakKDF, vaultWeakKDFHint, vaultCostlyKDF, vaultCostlyKDFHint
    case vaultPermissionDenied, vaultPermissionDeniedHint, vaultNotFound, vaultTooLarge
    case vaultNeedsUpgrade, vaultNeedsUpgradeHint, vaultRolledBack, vaultRolledBackHint1, vaultRolledBackHint2
    case vaultLastSeenUnreadable, vaultLastSeenUnreadableHint, vaultSavedButNotErased, vaultSavedButNotErasedHint
    // MARK: OperatorError
    case opLocked, opLockedHint, opDisabled, opDisabledHint, opMustChangeExpired, opMustChangeReset, opMustChangeHint
    case opPolicy, opPolicyHint, opReused, opExists, opExistsHint, opLookalike, opLookalikeHint
    case opUnknown, opUnknownHint, opLastAdmin, opLastAdminHint, opCodeNeeded, opCodeNeededHint
    case opCodeMissing, opCodeMissingHint, opCodeMalformed, opCodeAlreadyUsed, opCodeAlreadyUsedHint, opCodeWrong, opCodeWrongHint
    case opCodeSkewAgo, opCodeSkewAhead, opCodeSkewHint, durationSeconds, durationMinutes
    case opLockoutTampered, opLockoutTamperedHint1, opLockoutTamperedHint2
    // MARK: BackupError
    case ahEmpty, ahNotVersionLine, ahTooLarge, ahEndsInsideHeader, ahEndsInside, ahNoNewline, ahPartMacLine, ahPartStanza, ahPartStanzaBody, ahLineTooLong, ahMalformedClosingLine, ahMalformedStanzaLine, ahStanzaBodyNotBase64, ahStanzaBodyTooLong, ahUnexpectedLine, ahScryptNotAlone, ahX25519ArgumentCount, ahX25519ShareNotBase64, ahX25519WrappedKeySize, ahX25519LowOrderShare, ahScryptArgumentCount, ahScryptSaltNotBase64, ahScryptWorkFactorNotDecimal, ahScryptWrappedKeySize, aaTooMuchWhitespaceBefore, aaFirstLineNotBegin, aaLineTooLong, aaLineLongerThan64, aaEmptyLine, aaNotCanonicalBase64, aaShortLineNotLast, aaNoEndLine, aaDataAfterEnd, aaTooMuchWhitespaceAfter, arNotAge1, arNotBech32, arNotX25519, arFileHoldsNone, arKeyNot32Bytes, arLowOrderPoint, arWorkFactorOutOfRange, b32MixedCase, b32BadSeparator, b32InvalidCharacter, b32BadChecksum, b32BadPadding, aiFileHoldsNone, aiFileTooLarge, aiNotX25519ForKeyFile, bkAppearedDuringRestore, bmLength, bmFormat, bmVaultIdNotHex, bmCreatedNotTime, bmNamesOtherVault, bpTooManyChunks
    case bkHeaderInvalid, bkHeaderMAC, bkNoMatchingIdentity, bkNoMatchingIdentityHint, bkWrongPassphrase, bkWrongPassphraseHint
    case bkWorkFactor, bkWorkFactorHint, bkPayloadInvalid, bkArmorInvalid, bkDamagedHint
    case bkInvalidRecipient, bkInvalidRecipientHint, bkInvalidIdentity, bkInvalidIdentityHint
    case bkNoRecipients, bkNoRecipientsHint, bkPassphraseNotAlone, bkPassphraseNotAloneHint, bkNoIdentities, bkNoIdentitiesHint
    case bkNotABackup, bkNotABackupHint, bkUnsupportedVersion, bkUnsupportedVersionHint, bkManifestInvalid
    case bkTruncated, bkSizeMismatch, bkHashMismatch
    case bkIONoSpaceHint, bkIOPermissionsHint, bkIODeviceGoneHint
    case bkReadBackMismatch, bkReadBackMismatchHint, bkTargetExists, bkTargetExistsForceHint, bkTargetExistsHint
    case bkRefuseBinaryToTerminal, bkRefuseBinaryToTerminalHint, bkSourceChanged, bkSourceChangedHint
    case bkDifferentVault, bkDifferentVaultHint1, bkDifferentVaultHint2, bkUnidentifiedVault, bkUnidentifiedVaultHint, bkMarkerMismatch
    // MARK: SessionError
    case mpTooLarge, mpNotText, mpNotAManifest, mpSignatureLine, mpLineShouldBe, mpSeq, mpCreated, mpSize, mpSha256, mpPrev, mpNoRecipient, mpSigner, mpUnexpectedLine, mpNotCanonical, mpNotRosterKey, mpSignature, mpOtherObject, mpObjectName, mpNotDownloaded, mpObjectMissing, mpObjectSize, roForm, roTerminalId, roKey, roTwice, enrNoRecipient, enrNotX25519, enrBackfill, locNoScheme, locNoRemote, locDash, locControl, ropReadBack, ropStart, ropTalkTo, ropDeleteFrom, rsayListing, rsayNotListed, rsaySocketPath, rsayNoAnswer60, rsayClosed, rsayNotHTTP, rsayCutShort, rsayBroke, rsayNotThere, rsayNoMessage, rsayRclone, sesTooLarge, sesTooManyFDs, sesProtocol, sesMissingFDs, sesBusy, sesCannotStart, sesUnknownRequest, sesEndFailed
    case sesNoSession, sesEnded, sesAgentGone, sesRefused, sesInsecureDirectory, sesOperatorChanged, sesRequestRefused
    case sesStartHint, sesRefusedHint, sesInsecureDirectoryHint, sesRequestRefusedHint
    // MARK: secrets typed or read
    case promptPassword, promptPasswordFor, promptNewPasswordFor, promptRepeat, promptOneTimeCodeFor, promptBackupPassphrase
    case pwTooLong, pwNoneGiven, pwNoneGivenHint, pwNoTerminal, pwNoTerminalHint, pwNoTerminalSessionHint
    case pwDiffer, pwDifferHint, pwDifferRetry, pwPolicyRetry, pwPolicyRetryFooter
    case srcStandardInput, srcTheTerminal, srcStdinCode, srcStdinNewPassword
    case pwChooseOneSource, sayWhoYouAre, passwordOptionsNeedUser
    // MARK: login and expiry
    case expiresInDay, expiresInDays, loggedInAs
    // MARK: init
    case initCalibrating, initCreated, initVaultId, initTerminalId, initAdmin, initKDF, initNextSteps
    case initStep1, initStep2, initStep3, initBindContact, initKdfRange
    case kitTitle, kitKeepOffline, kitAnyOne
    // MARK: tx
    case txAdded, txCountOne, txCountMany, txYoursOnly, txChooseJsonOrCsv, txLimitAtLeastOne
    case colTime, colId, colKind, colAmount, colCurrency, colCard, colOperator, colStatus, colReference
    // MARK: user
    case userAdded, userTempPassword, userListHeaderName, userListHeaderRole, userListHeaderStatus, userListHeaderPhone, userListHeaderEmail
    // MARK: the password policy
    case polNotText, polTooShortOne, polTooShortMany, polTooLong, polNeeds, clsLetter, clsDigit, clsSymbol, clsUppercase, clsLowercase, polCommon, polPersonal, pdUsername, pdPhone, pdPhoneDigits, pdEmailName, pdBirthday, pdName, pdTerminalId, pdMerchantName, polDate, polRepeats, polSequence, polKeyboard, polGuessable, polChinese, habitName, habitWord, habitNumber, habitPlace, habitBrand, habitHotline, listTwo, listSeparator
    case promptPasswordToCheck, cpBrokeOne, cpBrokeMany, cpBrokeHint, cpAccepted, cpRejectedOne, cpRejectedMany
    // MARK: status
    case stDiscussion, stMinAgo, stHoursAgo, stDaysAgo, stPasswords, stPasswordsNone, stExpiredOn, stExpiresInOne, stExpiresInMany, stBackup, stLastGood, stOverdueOne, stOverdueMany, stNoBackup, stBackupFailedAfter, stFailedLogins, stNone, stFailedCount, stLockoutsOne, stLockoutsMany, stOffHours, stOffHoursNotChecked, stRecoveryCodes, stCodesLeft, stCodesLow, atPasswordsExpiredOne, atPasswordsExpiredMany, atPasswordsDueOne, atPasswordsDueMany, atNoBackup, atBackupOverdueOne, atBackupOverdueMany, atLockouts, atRepeatedFailures, atOffHoursOne, atOffHoursMany, atCodesLeftOne, atCodesLeftMany, atLine, atSeparator
    // MARK: EntryError, RecordError
    case enAmount, enAmountEmpty, enAmountNegative, enAmountTooLarge, enAmountPlacesOne, enAmountPlacesMany, enAmountPoint, enAmountPlain, enAmountMax, enCurrency, enKind, enKindHint, enStatus, enStatusHint, enTime, enCardCharacters, enCardCharactersHint, enCardNotMasked, enCardFirst6Last4, enCardLast4, enCardPositions, enCardHint, recFullCard, recFullCardHint1, recFullCardHint2, recImportRefused, recImportRefusedHint
    // MARK: recover
    case rcDiscussion, rcStdinHelp, rcCodeHelp, rcPasswordAbstract, rcPasswordDiscussion, rcUserHelp, rcIdentityHelp, rcChooseCodeOrIdentity, promptRecoveryCode, whatRecoveryCode, rcQuestionsChanged, rcRecovered, rcTotpOff, rcCodeUsedUp, rcFewCodesOne, rcFewCodesMany, methodAnswers, methodCode, methodKey, methodQuestions, rcUsernameAbstract, rcPhoneHelp, rcEmailHelp, rcOnlyOneContact, promptBoundPhone, promptBoundEmail, rcBoundTo, rcBoundOperator, rcBoundAccount, rcAccountsAfterProof, rcSetupAbstract, rcSetupDiscussion, rcListHelp, rcQuestionHelp, rcRequiredHelp, rcAnswersStdinHelp, rcDropAnswersStdin, rcChooseQuestions, rcNoBuiltin, promptAnswer, promptRepeatAnswer, whatAnswerTo, rcAnswersDiffer, rcQuestionsSet, rcBuiltinQuestions, rcTypeQuestions, rcQuestionN, rcCodesAbstract, rcCodesDiscussion, rcRegenerateHelp, rcCodesLeft, rcNoCodeLeft, rcNewCodes, rcUnlockAbstract, argOperator, rcUnlocked, riNoTerminal, riNoTerminalHint, riTooLong, riStdinEnded, riStdinEndedHint, riEmpty, riEmptyHint, riAnswerAtLeast, reLockedFor, reLocked, reLockedHint, reWrong, reWrongLeftOne, reWrongLeftMany, reWrongNowLocked, reAnswersHint1, reAnswersHint2, reAnswersHint3, reWrongHint, reNoQuestions, reNoQuestionsHint, reAdminStronger, reAdminStrongerHint1, reAdminStrongerHint2, reInvalidCode, reInvalidCodeHint, reTrivial, taNotText, taShorter, taLonger, taUserName, taPassword, taCommon, taSame, reTrivialHint, reInvalidSetupHint, reNoKey, reNoKeyHint, reNothingBoundPhone, reNothingBoundEmail, reNothingBoundHint
    // MARK: unlock, lock
    case unDiscussion, unUserHelp, unIdleHelp, unLifetimeHelp, unIdleRange, unLifetimeRange, unMinutes, unSeconds, unHours, unUnlocked, unLocked, unNoSession, unAgentDirect, unAgentDirectHint
    // MARK: option help
    case hInitAdmin, hInitTerminal, hInitKdf, hInitPhone, hInitEmail, hSince, hUntil, hOperatorFilter, hKindFilter, hStatusFilter, hCurrencyFilter, hMin, hMax, hAmount, hCurrency, hKind, hCard, hReference, hStatus, hTime, hTerminal, hLimit, hJSONArray, hCSV, hBackupTo, hBackupOutput, hRequireMount, hRecipient, hRecipientsFile, hPassphrase, hArmor, hKeep, hBackupFileOrStdin, hDirectory, hRestoreFile, hRoster, hForce, hReplaceVault, hIdentity, hBackupPassphrase, hNewName, hRole, hBoundPhone, hBoundEmail, hOperatorNameDefault, hOperatorDefault, hOperator, hClearPhone, hClearEmail, hTotpAlgorithm, hQRForce, hQRInvert, hQRPNG, hNewPasswordFile, hGenerate, hGenerateStrong, hFromJSON
    // MARK: discussions
    case dTradeOff, dHerePhoneEmailJSON, dHereRecoverUsername, dHereUserEdit, dInit, dRecoverUsername, dUserEdit, hUserEditAbstract, dTxAdd, dLogin, dTx, dBackupCreate, dRestore
    // MARK: more commands
    case dUser, hUserList, hUserShow, hUserPasswd, dUserPasswd, hUserRole, hUserDisable, dUserDisable, hUserEnable, dUserEnable, hUserRemove, editNothingTyped, editNothingTypedHint, hUserUnlock, hUserTotp, dUserTotp, hTotpEnable, dTotpEnable, hTotpConfirm, dTotpConfirm, hTotpDisable, bkKeepFleet, bkFleetOptions, bkFleetSkipped, bkFleetWritten, hBackupVerify, hBackupList, bkListNone, hTxExport, dTxExport, hExportFormat, hExportOutput, hExportForce, txExportedOne, txExportedMany, hTxImport, dTxImport, hImportFile, hImportFormat, hBatchSize, hUTCOffsetImport, hDryRun, txBatchSize, txStdinShared, txBadRow, txProgress, txIgnoredOne, txIgnoredMany, txImportSummary, txImportSummaryDry, hTxSummary, hUTCOffsetSummary, infoVault, infoFormat, infoVaultId, infoTerminal, infoCreated, infoKDF, infoSize, infoOperators, infoKeyslots, infoRecords, infoFrames, infoTorn, dVerify, hVerifyUser, vfIntact, vfNotCheckedUser, vfNotCheckedRole, vfNote, rsRosterOnlyRclone, chooseOneGenerate
    // MARK: accounts, personal data
    case dAccount, hSecretStdin, hSecretFile, acChooseSecretSource, promptAccountSecret, hService, hUsername, hAccountPhone, hAccountEmail, hNotes, hPin, acBlankEdit, acBlankAdd, promptNewServiceUser, promptServiceUser, promptNewBoundPhone, promptAccountPhone, promptNewBoundEmail, promptAccountEmail, hAccountAdd, dHereAccountAdd, hLabel, acGiveLabel, acAdded, hAccountList, hAccountCSV, hAccountFind, dHereAccountFind, hFindPhone, hFindUsername, promptFindPhone, promptFindEmail, promptFindUsername, hAccountShow, hAccountLabel, hReveal, hAccountHistory, hRevealHistory, hAccountEdit, dHereAccountEdit, hNewLabel, hSetSecret, acSecretNeedsFlag, acNothingNoTerminal, acUpdated, hAccountRemove, dAccountRemove, hYes, promptRemoveAccount, acRemoveNoTerminal, acRemoveYesHint, acLabelMismatch, acLabelMismatchHint, acRemoved, pdNotObject, pdNotObjectHint, pdUnknownKey, pdKeysAre, pdNotString, pdNotStringHint, pdBoth, pdBothHint, pdStdinTaken, pdNoAnswer, pdNoTerminal, pdNoTerminalHint, pdRefusedKeep, pdRefusedEmpty, pdBlankEdit, pdBlankAdd, promptOperatorPhone, promptOperatorEmail, pdNoTerminalHints1, pdNoTerminalHints2, pdGive, pdGiveOneOf, pdGiveOnlyOne, pdGiveHint, listOr
    // MARK: genpass, audit, check-password, policy, keygen, upgrade
    case dGenpass, hLength, hClasses, hUpper, hLower, hDigits, hSymbols, hNoAmbiguous, hExclude, hEveryClass, hWords, hPassphraseSix, hSeparator, hCapitalize, hWithNumber, hPinN, hCount, gpEntropy, gpPinVsWords, gpPinVsWordsHint, gpNotForPin, gpNotForPinHint, gpPassphraseAndWords, gpUseOne, gpNotForPassphrase, gpNotForPassphraseHint, gpOnlyPassphrase, gpOnlyPassphraseHint, gpClassesEmpty, gpClassesEmptyHint, gpNotAClass, gpNotAClassHint, dAudit, auSayWhoYouAre, auNotADate, hAuditList, hAuditUser, hAuditSince, hAuditAction, hAuditSummary, hAuditCSV, colAction, colOutcome, colCount, colTotal, hAuditVerify, dAuditVerify, auIntact, dCheckPassword, hCpUser, hCpPhone, hCpEmail, hCpBirthday, hCpName, hCpTerminal, hCpMerchant, cpNotADate, cpNotADateHint, cpStrength, cpScore0, cpScore1, cpScore2, cpScore3, cpScore4, cpGuesses, cpOnline, cpOffline, cpAdvice, hPolicyShow, colSetting, colValue, colAllowed, colWhatItDoes, poChangeHint, hPolicySet, dPolicySet, hPolicyKey, hPolicyValue, dKeygen, hKeygenOutput, hAddToVault, kgJSONNeedsOutput, kgAddNeedsOutput, kgAdded, kgToTerminal, kgPublicKey, upAlready, dRekey, hRenewRecovery, progressRekey, upMoved, upKeptAt, upCodesRenewed
    // MARK: LooseSecretFile, PolicyError, GeneratorError
    case lsOwner, lsMode, lsAnd, lsMessage, lsChownHint, lsChmodHint, whatPasswordFile, whatIdentityFile, peUnknownKey, peUnknownKeyHint, peInvalid, peWholeNumber, peOnOff, peHours, peInvalidHint, peBelowFloor, peBelowFloorHint, peAboveCeiling, peAboveCeilingHint, peCannotDisable, peCannotDisableHint, geOutOfRange, geOutOfRangeHint, geNoClasses, geNoClassesHint, geTooShortOne, geTooShortMany, geTooShortHint, geClassEmptied, geClassEmptiedHint, geNothingLeft, geNothingLeftHint, geSepLetters, geSepLettersHint, geSepDigits, geSepDigitsHint, geSepControl, geSepTooLong, geSepHint, geFilter, geFilterHint
    // MARK: fleet
    case flDiscussion, hFleetRemote, hFleetRoster, hFleetEnrol, dFleetEnrol, hFleetEnrolRemote, hFleetRecipient, hFleetRecipientsFile, hFleetNewKey, flRemoteForm, flNameRecipients, flCannotRead, flEnrolled, flAddRosterLine, hFleetList, dFleetList, hLateAfter, hOldRecipient, flRefused, flIncomplete, flOldRecipient, colTerminal, colState, colNewestVerified, colAge, colBytes, colNote, flNotInRoster, flListSummary, hFleetPrune, dFleetPrune, hKeepDaily, hKeepWeekly, hFleetDryRun, flKeepAtLeast0, flWouldDelete, flDeleted, flWouldDeleteCount, flDeletedCount, hFleetVerify, dFleetVerify, hFleetIdentity, hFleetTerminal, hFleetSample, flNameIdentity, flSampleRange, flNotInRosterFile, flOk, flFailed, flChecked, flNoManifest, flManifestNames, flChainBroken, flNotDownloaded, flBytesNotSigned, flVaultInside, feRcloneMissing, feRcloneMissingHint, feRemote, feRemoteHint, feReadBack, feReadBackHint, feBadLocation, feBadLocationHint, feNotEnrolled, feNotEnrolledHint, feManifestRefused, feManifestRefusedHint, feRoster, feRosterHint, feEnrolment, feEnrolmentHint, feObjectMissing, feObjectMissingHint, feIdentityExposed, feIdentityExposedHint
    // MARK: the rest
    case exUnknownFormat, imUnknownFormat, formatHint, exExists, exExistsHint, txSinceUntil, txSwapBounds, acNeedsLabel, acNeedsLabelHint, acRevealToShow, acShowLabel, acShowId, acShowService, acShowUsername, acShowPhone, acShowEmail, acShowSecret, acShowSecretKind, acShowNotes, acShowCreated, acShowUpdated, acByWhom, colLabel, colService, colUsername, colPhone, colEmail, colBy, colField, colOld, colNew, totpTypeKey, srcStdinAppCode, srcStandardOutput, qrFailedTooLong, qrFailed, rsNotBackupObject, rsNotFleetBackup, rsNotInRoster, rsNamesTerminal
    // MARK: account count
    case acCountOne, acCountMany
    // MARK: phone, e-mail
    case enPhoneChars, enPhoneCharsHint, enPhoneE164, enPhoneE164Hint, enPhoneNeither, enPhoneNeitherHint, enEmailAt, enEmailLocal, enEmailDomain, enEmailHint
    // MARK: operator refusals, names
    case orNoPending, orSkewAgo, orSkewAhead, orMalformed, orMismatch, orSameRole, orDisableSelf, orEnableNeedsPassword, orRemoveSelf, orLegacy, enNameEmpty, enNameLong, enNameChar, enTerminalId, enOffset, enOffsetFar
    // MARK: recovery set-up limits
    case suNotOperator, suQuestionCount, suAnswerCount, suRequiredRange, suTooManySlots, suQuestionEmpty, suQuestionTooLong, suQuestionControl, suQuestionTwice
    // MARK: import rows
    case rwFieldCount, rwIdMissing, rwAmountMissing, rwTimeMissing, rwDisagree, rwAmountMinor, rwNoTimeOfDay, rwNotADate, rwNotUTF8, rwQuote, rwQuoteHint, rwEmpty, rwEmptyHint
    // MARK: frame kinds, business hours
    case fkIndex, fkKeyslot, fkRecord, fkData, fkAudit, fkLockout, stHoursNotSet
    case userUnlocked, userDisabled, userRemoved, statusLocked, statusActive, statusDisabled, editJSONExample
    case userFromJSONStdinNewPassword, showName, showRole, showStatus, showLockedUntil, showPhone, showEmail, showCreated, showPasswordChanged, showMustChange, showFailedLogins, showOneTimeCodes, wordOn, wordOff, passwdChanged, passwdNew, passwdReset, roleChanged, userAlreadyEnabled, userEnabled, chooseOnePhone, chooseOneEmail, editSayWhat, editJSONNeither, editDone, totpUnknownAlgorithm, totpPNGExists, totpScan, totpPNG, promptCodeFromApp, totpOn, totpOff, rotationDone, rotationCodes, detailOnlyInEnglish
    // MARK: backup and restore
    case bkWritten, bkWrittenStdout, bkRemovedOld, bkNotRemovedUnmarked, bkAuditNotRecorded
    case bkNoSuchDirectory, bkNoSuchDirectoryHint1, bkNoSuchDirectoryHint2, bkNotADirectory, bkNotADirectoryHint
    case bkNotAMountPoint, bkNotAMountPointHint, bkSameDevice, bkSameDeviceHint
    case bkKeepAtLeastOne, bkSayWhere, bkChooseToOrOutput, bkKeepOnlyDirectory, bkRequireMountOnlyDirectory, bkSayHowToOpen
    case bkKeepDeletedNothing, bkSuspicious
    case sumVerbOK, sumVerbRestored, sumHeader, sumCreated, sumVaultId, sumVault, sumSealedTo, sumArmored
    case sumMarker, sumNoMarker, sumHolds, rsNoRoster, rsAuditNotRecorded, rsReplaced, rsMovedUnidentified, rsMovedPrevious
    case progressBackup, progressRestore, progressVerify, progressMB, progressOfMB
    // MARK: local time, tables and Excel CSV (merged)
    case excelNeedsCSV, hExcelWithCSV, hExcelExport, excelNotCSV, excelNotCSVHint, hImportEncoding, importReadAsGB
    // MARK: table headers and the summary lines (merged)
    case colFile, colCreated
    // MARK: merchant name, check-password personal data, v2 backups (merged)
    case sumVaultNoDigest, infoMerchant, infoMerchantNone, dHereCheckPassword, cpJSONStdinNoTerminal, cpJSONStdinNoTerminalHint, cpAskUser, cpAskPhone, cpAskEmail, cpAskBirthday, cpAskName, cpAskMerchant, dInitMerchant, hInitMerchant, initAskMerchant, initMerchant, dPolicySetMerchant, poMerchantCleared, kitCodeNotShown, kitCodeNotShownHint, stMerchant, stMerchantNone
    // MARK: help: the root and the main commands
    case helpRootAbstract, helpRootDiscussion, helpVaultOption, helpPasswordStdin, helpPasswordFile, helpJSON, helpUserOption, helpSessionUserOption
    case helpInit, helpLogin, helpTx, helpTxAdd, helpTxList, helpUser, helpUserAdd, helpBackup, helpBackupCreate, helpRestore
    case helpStatus, helpRecover, helpUnlock, helpLock, helpGenpass, helpCheckPassword, helpAccount, helpAudit, helpPolicy
    case helpKeygen, helpVerify, helpInfo, helpUpgrade, helpRekey, helpFleet, helpAgent

    // MARK: account and transaction rules (RecordProblem), inputs (InputProblem)
    case fldLabel, fldService, fldUsername, fldNotes, fldId, fldReference, fldOperator, fldTerminal
    case rpFieldEmptyAccount, rpFieldEmptyTx, rpFieldEmptyTxHint, rpGiveFlag, rpFieldTooLongAccount, rpFieldTooLongTx
    case rpFieldControlAccount, rpFieldControlTx, rpPrintableHint, rpLabelMissing, rpLabelInvisible, rpLabelInvisibleHint
    case rpLabelExists, rpLabelExistsEditHint, rpLabelExistsHint, rpLabelLookalike, rpLabelLookalikeHint
    case rpSecretEmpty, rpSecretTooLong, rpPinDigits, rpPinDigitsHint, rpPinWeak, rpPinKeypad, rpPinTriedFirst, rpPinWeakHint
    case rpNothingToChange, rpNothingToChangeHint, rpAmountRange, rpAmountRangeHint, rpTimeBefore1970, rpImportOtherOperator
    case rpUnknownEncoding, rpUnknownEncodingHint, rpIconv, rpIconvHint, rpEndsInsideGB, rpEndsInsideGBHint
    case rpLineTooLongAt, rpLineTooLong, rpLineTooLongHint, rpNotGB, rpNotGBHint, rpNoAccount, rpNoAccountHint
    case rpCSVLine, rpCSVHeaderHint, rpCSVQuoteAtEnd, rpCSVQuote, rpCSVAfterQuote, rpCSVHeaderNotUTF8, rpCSVTwice, rpCSVNoId, rpCSVNoTime, rpCSVNoAmount
    case ipMerchantEmpty, ipMerchantEmptyHint, ipMerchantLong, ipMerchantLongHint, ipMerchantChar, ipMerchantCharHint
    // MARK: policy show (what each setting does, what it may be set to)
    case pmMinLength, pmRequireLetter, pmRequireDigit, pmRequireSymbol, pmRequireMixedCase, pmBlocklist, pmPersonalData, pmPatterns
    case pmMinStrength, pmHistory, pmExpiryDays, pmExpiryWarningDays, pmLockoutThreshold, pmLockoutMinutes, pmChangeOnFirstUse
    case pmAdminRecoveryByQuestions, pmBackupMaxAgeDays, pmBusinessHours, pmMerchantName, plAlwaysOn, plOnOrOff, plMerchantName, plBusinessHours
    // MARK: check-password: zxcvbn's feedback and times
    case sfTop10, sfTop100, sfVeryCommon, sfSimilarCommon, sfWordAlone, sfNamesAlone, sfNamesCommon, sfCapitalization, sfAllUppercase
    case sfReversed, sfSubstitutions, sfStraightRows, sfShortKeyboard, sfLongerKeyboard, sfRepeatsOne, sfRepeatsMany, sfAvoidRepeats
    case sfSequences, sfAvoidSequences, sfRecentYears, sfAvoidRecentYears, sfAvoidYearsYours, sfDates, sfAvoidDates, sfChinese, sfChineseAdd
    case sfFewWords, sfNoNeedSymbols, sfAnotherWord, sfStrong, sfGood
    case stLessThanSecond, stSeconds, stMinutes, stHours, stDays, stMonths, stYears, stCenturies
    // MARK: a transaction's kind and status in text tables
    case totpLibNotLoaded, totpLibNoFunctions, colActor, colTarget, colDay, txSumCurrency, txSumSeparator, txSumRecordsOne, txSumRecordsMany, txSumYoursOnly, txKindSale, txKindRefund, txKindVoid, txStatusApproved, txStatusDeclined, txStatusPending, txStatusReversed
    // MARK: details of damage and of session ends (DetailText)
    case nmNoKey, nmPassphrase, nmFormat1, nmNotWritten
    case srWrongVault, srUserNamed, srNotSessionCommand, srCannotNameOperator, srListAnd, srListComma
    case dtFrameHeaderBad, dtNotAnIndex, dtNotWhereSigned, dtIndexPointsWrong, dtIndexListsMissing, dtAuditEventsRemoved, dtCannotErase, dtSettingsNotAdmin, dtSettingsKeys, dtSettingsUntrusted, dtKeyslotBad, dtKeyslotMalformed, dtNoPasswordSlot, dtAdminSlotAfterUpgrade, dtRecordKeyClass, dtEnvelopeType, dtEnvelopeNotOpen, dtEnvelopeMalformed, dtEnvelopeNoKeys, dtEnvelopeMissing, dtRecoveryEnvelopeMissing, dtRecoveryEnvelopeNoKeys, dtManagerVouches, dtProfileOtherId, dtNoPersonalKey, dtOldSlotBack, dtProfileMissing, dtSlotDiffers, dtRecoverySlotNoKey, dtRecoverySlotBack, dtLockoutKey, dtLockoutCounter, dtRecoveryLockoutCounter, dtTotpSecret, dtPrivateRecord, dtKeyCopy, dtFleetEnrolmentKey, dtRecordType, dtRecordBody, dtMarkerKey, dtRecoveryKeySlot, dtPolicyBelowFloors, dtRbRotations, dtRbAuditSeq, dtRbAuditChain, dtInterruptedWrite, jlEscapeCutShort, jlEscapeNonHex, jlStringNotClosed, jlRawControl, jlLoneSurrogate, jlInvalidUEscape, jlInvalidEscape, jlNotAnObject, jlQuotedKey, jlColonAfterKey, jlValueMissing, jlExponent, jlInvalidValue, jlBoolValue, jlNested, jlKeyTwice, jlObjectNotClosed, jlCommaOrBrace, jlTextAfterObject, dtRecordOfBytes, dtFieldKey, dtFieldColumn, dtFieldAccount, dtFieldCard
    case dtFrame, dtSigned, dtWhyAuth, dtWhyChecksum, dtWhySealed, dtWhySignature, dtWhyMalformed, dtWhyTooShort, dtWhyNoKey, dtWhyAuditChain
    case dtFrameTrailer, dtFrameCutShort, dtFramePastLog, dtChainBroken, dtIndexPointer, dtNoIndex, dtSettingsMissing, dtAuditChainMissing
    case dtHeaderDiffers, dtLatestIndex, dtPayloadTruncated, dtPayloadLastEmpty, dtPayloadChunkAuth, dtPayloadTrailing, dtPayloadNonce
    case dtIdentityLine, dtIdentityBech32, dtManifestJSON, dtManifestTrailing, dtAgentDidNotStart, dtOtherVault, dtBusy, dtOtherUser
    case dtOperatorChanged, dtDirOtherUser, dtDirOpen, dtMalformed, dtIndexMismatch, dtWhyMalformedBatch, dtWhyTrailing, dtWhyUnknownRecord, dtShorterThanHeader, dtHeaderChecksum, dtInsideIncomplete, dtTxRecord, dtPolicyMissing
    case dtFileLine, dtStoppedMidCommand, dtOlderClient, dtSessionEnded, dtEndLocked, dtEndSignal, dtEndIdle, dtEndLifetime
    case ipNotRegularFile, ipNotDirectory, ipFileExists, ipFileExistsHint, ipAlreadyFormat, ipSocketPathLong, ipRequestTooLong, ipRecoveryKeyNotX25519

    /// English, then Simplified Chinese.
    public var text: (en: String, zh: String) {
        switch self {
        // MARK: account and transaction rules (RecordProblem), inputs (InputProblem)
        case .fldLabel: ("label", "标签")
        case .fldService: ("service", "服务")
        case .fldUsername: ("username", "用户名")
        case .fldNotes: ("notes", "备注")
        case .fldId: ("id", "交易 ID")
        case .fldReference: ("reference", "参考号")
        case .fldOperator: ("operator", "操作员")
        case .fldTerminal: ("terminal", "终端号")
        case .rpFieldEmptyAccount: ("the account's {0} is empty", "账号的{0}是空的")
        case .rpFieldEmptyTx: ("the {0} is empty", "{0}是空的")
        case .rpFieldEmptyTxHint: ("every transaction needs a {0}", "每笔交易都必须有{0}")
        case .rpGiveFlag: ("give {0}", "请给出 {0}")
        case .rpFieldTooLongAccount: ("the account's {0} is longer than {1} bytes", "账号的{0}超过 {1} 字节")
        case .rpFieldTooLongTx: ("the {0} is longer than {1} bytes", "{0}超过 {1} 字节")
        case .rpFieldControlAccount: ("the account's {0} contains a control character", "账号的{0}含有控制字符")
        case .rpFieldControlTx: ("the {0} contains a control character", "{0}含有控制字符")
        case .rpPrintableHint: ("use printable text only", "只能使用可以打印的文字")
        case .rpLabelMissing: ("an account needs a label", "账号必须有标签")
        case .rpLabelInvisible: ("the account's label contains {0}, an invisible or direction-changing character",
                                 "账号的标签含有 {0}，这是看不见或会改变文字方向的字符")
        case .rpLabelInvisibleHint: ("type the label again without it", "去掉这个字符，重新输入标签")
        case .rpLabelExists: ("an account labelled \"{0}\" already exists", "标签为“{0}”的账号已经存在")
        case .rpLabelExistsEditHint: ("choose another label, or change it with `vaultcli account edit`",
                                      "换一个标签，或者用 `vaultcli account edit` 修改已有的账号")
        case .rpLabelExistsHint: ("choose another label", "换一个标签")
        case .rpLabelLookalike: ("the label \"{0}\" looks like the existing account \"{1}\" (look-alike characters, Unicode UTS #39 confusables), so it is refused",
                                 "标签“{0}”看起来和已有的账号“{1}”一样（字形相近、容易混淆的字符，见 Unicode UTS #39），因此被拒绝")
        case .rpLabelLookalikeHint: ("choose a label that looks different from every label in `vaultcli account list`",
                                     "换一个与 `vaultcli account list` 中所有标签看起来都不同的标签")
        case .rpSecretEmpty: ("the secret is empty or not UTF-8 text", "密码是空的，或者不是 UTF-8 文本")
        case .rpSecretTooLong: ("the secret is longer than {0} bytes", "密码超过 {0} 字节")
        case .rpPinDigits: ("a PIN is 4 to 12 digits", "PIN 必须是 4 到 12 位数字")
        case .rpPinDigitsHint: ("leave out --pin to store a password", "要保存的是密码时，去掉 --pin")
        case .rpPinWeak: ("that PIN is {0}: anyone who picks up the terminal tries those first; nothing was saved",
                          "这个 PIN 是{0}：拿到终端的人最先试的就是这些；没有保存任何内容")
        case .rpPinKeypad: ("a keypad pattern (rows, columns or diagonals of the keys)", "键盘图案（按键的行、列或对角线）")
        case .rpPinTriedFirst: ("one of the PINs tried first (a repeat, a run, a date or a well-known PIN)",
                                "最先被尝试的 PIN 之一（重复数字、连续数字、日期或常见 PIN）")
        case .rpPinWeakHint: ("change the PIN at the service to a random one (`vaultcli genpass --pin 6` makes one), then store that",
                              "先在该服务上把 PIN 改成随机的（`vaultcli genpass --pin 6` 可以生成一个），再保存新的 PIN")
        case .rpNothingToChange: ("nothing to change: the values given are the ones stored", "没有要修改的内容：给出的值与已保存的相同")
        case .rpNothingToChangeHint: ("give at least one new value, e.g. --username NAME or --secret",
                                      "至少给出一个新值，例如 --username NAME 或 --secret")
        case .rpAmountRange: ("the amount {0} is out of range", "金额 {0} 超出范围")
        case .rpAmountRangeHint: ("amounts are 0 to {0} minor units", "金额为 0 到 {0}（以最小货币单位计，如分）")
        case .rpTimeBefore1970: ("the time is before 1970", "时间早于 1970 年")
        case .rpImportOtherOperator: ("the operator is {0}, but a {1} may import only their own transactions",
                                      "操作员是 {0}，但{1}只能导入自己的交易")
        case .rpUnknownEncoding: ("unknown encoding \"{0}\"", "不认识的编码“{0}”")
        case .rpUnknownEncodingHint: ("use --encoding utf-8, --encoding gbk (GB18030, what Excel on Chinese Windows saves) or --encoding auto",
                                      "请用 --encoding utf-8、--encoding gbk（GB18030，中文 Windows 上的 Excel 保存时用的编码）或 --encoding auto")
        case .rpIconv: ("this system's iconv cannot read {0}", "本系统的 iconv 无法读取 {0}")
        case .rpIconvHint: ("convert the file to UTF-8 first (iconv -f {0} -t UTF-8)", "先把文件转换成 UTF-8（iconv -f {0} -t UTF-8）")
        case .rpEndsInsideGB: ("{0} ends inside a GB18030 character", "{0} 在一个 GB18030 字符的中间结束")
        case .rpEndsInsideGBHint: ("check that the file is whole and is GBK or GB18030 text", "检查文件是否完整，是否为 GBK 或 GB18030 文本")
        case .rpLineTooLongAt: ("line {0} of {1} is longer than 1 MiB", "{1} 的第 {0} 行超过 1 MiB")
        case .rpLineTooLong: ("a line of {0} is longer than 1 MiB", "{0} 中有一行超过 1 MiB")
        case .rpLineTooLongHint: ("check that the input is CSV or JSON Lines", "检查输入是否为 CSV 或 JSON Lines 格式")
        case .rpNotGB: ("{0} is not GB18030 (GBK) text: byte {1} does not start a character",
                        "{0} 不是 GB18030（GBK）文本：字节 {1} 不是一个字符的开头")
        case .rpNotGBHint: ("give the file's encoding with --encoding utf-8 or --encoding gbk", "用 --encoding utf-8 或 --encoding gbk 指定文件的编码")
        case .rpNoAccount: ("no account is labelled \"{0}\"", "没有标签为“{0}”的账号")
        case .rpNoAccountHint: ("see the labels with `vaultcli account list`", "用 `vaultcli account list` 查看所有标签")
        case .rpCSVLine: ("line {0}: {1}", "第 {0} 行：{1}")
        case .rpCSVHeaderHint: ("the first line of a CSV import names the columns: {0}", "CSV 导入的第一行是列名：{0}")
        case .rpCSVQuoteAtEnd: ("a quoted field is not closed before the end of the input", "到输入结束时，有一个带引号的字段还没有结束")
        case .rpCSVQuote: ("a quoted field is not closed", "有一个带引号的字段没有结束")
        case .rpCSVAfterQuote: ("unexpected text after a closing quote", "结束引号后面有多余的文字")
        case .rpCSVHeaderNotUTF8: ("the header is not UTF-8 text (a file saved as GBK, as Excel on Chinese Windows does, imports with --encoding gbk or --encoding auto)",
                                   "表头不是 UTF-8 文本（GBK 编码的文件，例如中文 Windows 上的 Excel 保存的，请加 --encoding gbk 或 --encoding auto 导入）")
        case .rpCSVTwice: ("the header names the column {0} twice", "表头中列 {0} 出现了两次")
        case .rpCSVNoId: ("the header has no id column (expected: {0}, or the Chinese names in docs/import.md)",
                          "表头没有 id 列（应为：{0}，或 docs/import.md 中的中文列名）")
        case .rpCSVNoTime: ("the header has no time column", "表头没有 time（交易时间）列")
        case .rpCSVNoAmount: ("the header has no amount (or amount_minor) column", "表头没有 amount（或 amount_minor，金额）列")
        case .ipMerchantEmpty: ("the merchant's name is empty", "商户名称是空的")
        case .ipMerchantEmptyHint: ("give the shop's name as on its sign or receipts, or leave it out (an admin can set it later with `vaultcli policy set merchant-name NAME`)",
                                    "请按店铺招牌或小票上的写法给出店名，或者不填（管理员以后可以用 `vaultcli policy set merchant-name NAME` 设置）")
        case .ipMerchantLong: ("the merchant's name is longer than {0} characters", "商户名称超过 {0} 个字")
        case .ipMerchantLongHint: ("give the name on the shop's sign or receipts", "请给出店铺招牌或小票上的名称")
        case .ipMerchantChar: ("the merchant's name \"{0}\" contains {1}", "商户名称“{0}”含有 {1}")
        case .ipMerchantCharHint: ("it may hold letters, Chinese characters, digits, punctuation and single spaces, but no control, invisible or direction-changing character",
                                   "名称可以包含字母、汉字、数字、标点和单个空格，但不能有控制字符、看不见的字符或改变文字方向的字符")
        case .pmMinLength: ("minimum password length in characters", "密码的最少字符数")
        case .pmRequireLetter: ("at least one letter", "至少一个字母")
        case .pmRequireDigit: ("at least one digit", "至少一个数字")
        case .pmRequireSymbol: ("at least one symbol (not a letter or digit)", "至少一个符号（字母和数字以外的字符）")
        case .pmRequireMixedCase: ("both an uppercase and a lowercase letter (optional extra)", "大写和小写字母都要有（可选的附加要求）")
        case .pmBlocklist: ("refuse the 30,000 most common passwords and simple variants", "拒绝最常见的 30,000 个密码及其简单变体")
        case .pmPersonalData: ("refuse the user name, phone, email name, birthday and other names", "拒绝用户名、手机号、邮箱名、生日和其他名字")
        case .pmPatterns: ("refuse dates, repeats (aaaa), sequences (1234, abcd) and keyboard walks (qwer, 1qaz)",
                           "拒绝日期、重复（aaaa）、连续（1234、abcd）和键盘路径（qwer、1qaz）")
        case .pmMinStrength: ("minimum zxcvbn-style strength score (0-4)", "最低强度评分（zxcvbn 方式，0-4）")
        case .pmHistory: ("how many previous passwords cannot be reused", "不能重复使用的历史密码个数")
        case .pmExpiryDays: ("days before a password must be changed", "密码必须修改前的天数")
        case .pmExpiryWarningDays: ("days ahead of expiry that login warns", "到期前多少天登录时开始提醒")
        case .pmLockoutThreshold: ("failed logins in a row that lock the operator", "连续登录失败多少次后锁定操作员")
        case .pmLockoutMinutes: ("minutes an operator stays locked (or until `user unlock`)", "操作员保持锁定的分钟数（或直到 `user unlock`）")
        case .pmChangeOnFirstUse: ("a password set by an admin must be changed at first login", "管理员设置的密码必须在首次登录时修改")
        case .pmAdminRecoveryByQuestions: ("recovery questions alone may recover an admin's password (off: a recovery code or the recovery key is needed)",
                                           "只凭密保问题就可以找回管理员的密码（off：需要恢复码或恢复密钥）")
        case .pmBackupMaxAgeDays: ("days after the last good backup that `vaultcli status` calls it overdue (0: never)",
                                   "距离上次成功备份多少天后 `vaultcli status` 提示备份过期（0：从不）")
        case .pmBusinessHours: ("opening hours in local time, HH:MM-HH:MM or off; `vaultcli status` lists logins outside them",
                                "营业时间（本地时间），HH:MM-HH:MM 或 off；`vaultcli status` 会列出营业时间以外的登录")
        case .pmMerchantName: ("The shop's name (as on its sign or receipts): passwords that contain it, or its pinyin, are refused.",
                               "店铺名称（招牌或小票上的写法）：包含店名或其拼音的密码会被拒绝。")
        case .plAlwaysOn: ("always on", "始终开启")
        case .plOnOrOff: ("on or off", "on 或 off")
        case .plMerchantName: ("1-64 characters, or \"\" for none", "1-64 个字，\"\" 表示不设")
        case .plBusinessHours: ("HH:MM-HH:MM or off", "HH:MM-HH:MM 或 off")
        case .sfTop10: ("This is a top-10 common password.", "这是最常见的 10 个密码之一。")
        case .sfTop100: ("This is a top-100 common password.", "这是最常见的 100 个密码之一。")
        case .sfVeryCommon: ("This is a very common password.", "这是非常常见的密码。")
        case .sfSimilarCommon: ("This is similar to a commonly used password.", "这和一个常用密码很像。")
        case .sfWordAlone: ("A word by itself is easy to guess.", "单独一个单词很容易被猜到。")
        case .sfNamesAlone: ("Names and surnames by themselves are easy to guess.", "单独的名字和姓氏很容易被猜到。")
        case .sfNamesCommon: ("Common names and surnames are easy to guess.", "常见的名字和姓氏很容易被猜到。")
        case .sfCapitalization: ("Capitalization doesn't help very much.", "首字母大写帮助不大。")
        case .sfAllUppercase: ("All-uppercase is almost as easy to guess as all-lowercase.", "全部大写和全部小写差不多一样容易被猜到。")
        case .sfReversed: ("Reversed words aren't much harder to guess.", "把单词倒过来写并不会难猜多少。")
        case .sfSubstitutions: ("Predictable substitutions like '@' instead of 'a' don't help very much.", "用 '@' 代替 'a' 这类容易想到的替换帮助不大。")
        case .sfStraightRows: ("Straight rows of keys are easy to guess.", "键盘上一整排的按键很容易被猜到。")
        case .sfShortKeyboard: ("Short keyboard patterns are easy to guess.", "短的键盘图案很容易被猜到。")
        case .sfLongerKeyboard: ("Use a longer keyboard pattern with more turns.", "用更长、转折更多的键盘图案。")
        case .sfRepeatsOne: ("Repeats like \"aaa\" are easy to guess.", "像 \"aaa\" 这样的重复很容易被猜到。")
        case .sfRepeatsMany: ("Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\".",
                              "像 \"abcabcabc\" 这样的重复只比 \"abc\" 稍微难猜一点。")
        case .sfAvoidRepeats: ("Avoid repeated words and characters.", "避免重复的单词和字符。")
        case .sfSequences: ("Sequences like \"abc\" or \"6543\" are easy to guess.", "像 \"abc\" 或 \"6543\" 这样的连续字符很容易被猜到。")
        case .sfAvoidSequences: ("Avoid sequences.", "避免连续字符。")
        case .sfRecentYears: ("Recent years are easy to guess.", "最近的年份很容易被猜到。")
        case .sfAvoidRecentYears: ("Avoid recent years.", "避免最近的年份。")
        case .sfAvoidYearsYours: ("Avoid years that are associated with you.", "避免和你有关的年份。")
        case .sfDates: ("Dates are often easy to guess.", "日期往往很容易被猜到。")
        case .sfAvoidDates: ("Avoid dates and years that are associated with you.", "避免和你有关的日期和年份。")
        case .sfChinese: ("Chinese names, pinyin words, love and lucky numbers, brands and hotlines are easy to guess.",
                          "中文姓名、拼音、表白数字和吉利数字、品牌和客服热线都很容易被猜到。")
        case .sfChineseAdd: ("Add several random characters; a name, word or number that means something to you is tried first.",
                             "加上几个随机字符；对你有意义的名字、词语或数字会最先被尝试。")
        case .sfFewWords: ("Use a few words, avoid common phrases.", "用几个单词，避免常见的短语。")
        case .sfNoNeedSymbols: ("No need for symbols, digits, or uppercase letters.", "不一定需要符号、数字或大写字母。")
        case .sfAnotherWord: ("Add another word or two. Uncommon words are better.", "再加一两个单词，越不常见越好。")
        case .sfStrong: ("Strong: no change needed.", "强：不需要修改。")
        case .sfGood: ("Good; a few more random characters or another uncommon word would make it very strong.",
                       "良好；再加几个随机字符或一个不常见的单词就会非常强。")
        case .stLessThanSecond: ("less than a second", "不到 1 秒")
        case .stSeconds: ("{0} seconds", "{0} 秒")
        case .stMinutes: ("{0} minutes", "{0} 分钟")
        case .stHours: ("{0} hours", "{0} 小时")
        case .stDays: ("{0} days", "{0} 天")
        case .stMonths: ("{0} months", "{0} 个月")
        case .stYears: ("{0} years", "{0} 年")
        case .stCenturies: ("centuries", "几百年")
        case .totpLibNotLoaded: ("one-time codes with SHA-1 need OpenSSL's {0}, which could not be loaded ({1}); install it (Debian: `apt-get install libssl3`) or reinstall vaultcli's package",
                                 "SHA-1 一次性验证码需要 OpenSSL 的 {0}，但无法加载它（{1}）；请安装（Debian：`apt-get install libssl3`），或重新安装 vaultcli 的软件包")
        case .totpLibNoFunctions: ("{0} has no HMAC or EVP_sha1; install OpenSSL 3's libcrypto (Debian: libssl3)",
                                   "{0} 中没有 HMAC 或 EVP_sha1；请安装 OpenSSL 3 的 libcrypto（Debian：libssl3）")
        case .colActor: ("ACTOR", "操作人")
        case .colTarget: ("TARGET", "对象")
        case .colDay: ("DAY", "日期")
        case .txSumCurrency: ("{0}: {1} records; {2}; net (sales - refunds) {3}", "{0}：共 {1} 笔；{2}；净额（消费 - 退款）{3}")
        case .txSumRecordsOne: ("{0} record", "共 {0} 笔")
        case .txSumRecordsMany: ("{0} records", "共 {0} 笔")
        case .txSumYoursOnly: (" (yours only)", "（只有您自己的）")
        case .txSumSeparator: (", ", "，")
        case .txKindSale: ("sale", "消费")
        case .txKindRefund: ("refund", "退款")
        case .txKindVoid: ("void", "撤销")
        case .txStatusApproved: ("approved", "成功")
        case .txStatusDeclined: ("declined", "拒绝")
        case .txStatusPending: ("pending", "处理中")
        case .txStatusReversed: ("reversed", "已冲正")
        case .dtFrameHeaderBad: ("the frame header at offset {0} is damaged", "偏移 {0} 处的帧头已损坏")
        case .dtNotAnIndex: ("the frame at offset {0} should be an index but is not, or does not read", "偏移 {0} 处应是索引帧，但它不是或无法读取")
        case .dtNotWhereSigned: ("the signed {0} frame at offset {1} is not where it was signed: copied from another file or an older copy",
                                 "偏移 {1} 处的签名{0}帧不在签名时的位置：它是从另一个文件或旧副本复制来的")
        case .dtIndexPointsWrong: ("the frame at offset {0} points to the index at {1}, expected {2}", "偏移 {0} 处的帧指向偏移 {1} 处的索引，应为 {2}")
        case .dtIndexListsMissing: ("the index at offset {0} lists a frame that is not there (offset {1})", "偏移 {0} 处的索引列出了一个不存在的帧（偏移 {1}）")
        case .dtAuditEventsRemoved: ("the vault says {0} audit events were written, but {1} are there: events were removed from the end",
                                     "保险库记录着写入了 {0} 个审计事件，但只有 {1} 个：末尾的事件被删除了")
        case .dtCannotErase: ("the frame at offset {0} cannot be erased: it is not the superseded frame the index named",
                              "偏移 {0} 处的帧无法擦除：它不是索引指明的旧帧")
        case .dtSettingsNotAdmin: ("the vault settings are not signed by the admin key", "保险库设置不是用管理员密钥签名的")
        case .dtSettingsKeys: ("the keys in the vault settings are malformed", "保险库设置中的密钥格式错误")
        case .dtSettingsUntrusted: ("the vault settings are signed by a key your key slot does not trust", "保险库设置是用您的密钥槽不信任的密钥签名的")
        case .dtKeyslotBad: ("a key slot is damaged", "有一个密钥槽已损坏")
        case .dtKeyslotMalformed: ("key slot {0} is malformed", "密钥槽 {0} 格式错误")
        case .dtNoPasswordSlot: ("the operator {0} has no password key slot", "操作员 {0} 没有密码的密钥槽")
        case .dtAdminSlotAfterUpgrade: ("the admin's key slot is missing after the upgrade", "升级之后找不到管理员的密钥槽")
        case .dtRecordKeyClass: ("the record at offset {0} has a key or signer its type does not allow", "偏移 {0} 处的记录所用的密钥或签名者不符合它的类型")
        case .dtEnvelopeType: ("a key envelope has an unexpected record type", "有一个密钥信封的记录类型不对")
        case .dtEnvelopeNotOpen: ("an operator's key envelope does not open with the key their key slot holds", "有一个操作员的密钥信封用其密钥槽中的密钥打不开")
        case .dtEnvelopeMalformed: ("an operator's key envelope is malformed", "有一个操作员的密钥信封格式错误")
        case .dtEnvelopeNoKeys: ("a key envelope holds no verification keys", "密钥信封里没有验证用的密钥")
        case .dtEnvelopeMissing: ("the key envelope of an operator is missing", "有一个操作员的密钥信封不见了")
        case .dtRecoveryEnvelopeMissing: ("the recovery envelope is missing", "恢复用的密钥信封不见了")
        case .dtRecoveryEnvelopeNoKeys: ("the recovery envelope holds no verification keys", "恢复用的密钥信封里没有验证用的密钥")
        case .dtManagerVouches: ("the profile of operator {0}: a manager's signature vouches only for cashiers", "操作员 {0} 的资料：店长的签名只能担保收银员")
        case .dtProfileOtherId: ("an operator's profile is stored under another operator's id", "有一个操作员的资料存放在另一个操作员的 ID 下")
        case .dtNoPersonalKey: ("a key slot holds no personal key", "密钥槽里没有个人密钥")
        case .dtOldSlotBack: ("the key slot of {0} is not the one its envelope names: an old key slot was put back", "{0} 的密钥槽不是其密钥信封指明的那个：有人放回了旧的密钥槽")
        case .dtProfileMissing: ("the profile of operator {0} is missing", "操作员 {0} 的资料不见了")
        case .dtSlotDiffers: ("the key slot of {0}: its role or name differs from the signed profile", "{0} 的密钥槽：其中的角色或名字与签名的资料不一致")
        case .dtRecoverySlotNoKey: ("a recovery key slot holds no recovery key", "恢复用的密钥槽里没有恢复密钥")
        case .dtRecoverySlotBack: ("the recovery key slot {0} was revoked or used, but put back in the file", "恢复用的密钥槽 {0} 已吊销或已用过，却被放回了文件")
        case .dtLockoutKey: ("the key of the lock-out counters is malformed", "锁定计数的密钥格式错误")
        case .dtLockoutCounter: ("a lock-out counter is malformed", "有一个锁定计数格式错误")
        case .dtRecoveryLockoutCounter: ("the recovery lock-out counter is malformed", "恢复用的锁定计数格式错误")
        case .dtTotpSecret: ("the one-time code secret of {0} is damaged", "{0} 的一次性验证码密钥已损坏")
        case .dtPrivateRecord: ("a private record of an operator is damaged", "有一个操作员的私有记录已损坏")
        case .dtKeyCopy: ("the key copy of operator {0} is damaged", "操作员 {0} 的密钥副本已损坏")
        case .dtFleetEnrolmentKey: ("the fleet enrolment record holds a malformed signing key", "连锁登记记录中的签名密钥格式错误")
        case .dtRecordType: ("a record has an unexpected type", "有一条记录的类型不对")
        case .dtRecordBody: ("a record does not decode", "有一条记录的内容无法读取")
        case .dtMarkerKey: ("the backup marker key record is damaged", "备份标记的密钥记录已损坏")
        case .dtRecoveryKeySlot: ("the recovery key's key slot does not open with its own key", "恢复密钥的密钥槽用它自己的密钥打不开")
        case .dtPolicyBelowFloors: ("the stored password policy is below the floors", "保存的密码规则低于下限")
        case .dtRbRotations: ("its keys are from before a key rotation that {0} has already seen ({1} rotations now, {2} seen)",
                              "它的密钥早于 {0} 已见过的一次密钥更换（现在更换过 {1} 次，已见过 {2} 次）")
        case .dtRbAuditSeq: ("it holds {0} audit events, but {1} were there when {2} last logged in", "它只有 {0} 个审计事件，但 {2} 上次登录时已有 {1} 个")
        case .dtRbAuditChain: ("its audit log does not continue the one {0} last saw", "它的审计日志不是 {0} 上次所见的审计日志的延续")
        case .dtInterruptedWrite: ("an interrupted write left {0} bytes ({1} incomplete frame(s)) after the last complete one; they held no acknowledged data and are ignored (the next write removes them)",
                                   "一次中断的写入在最后一个完整帧之后留下了 {0} 字节（{1} 个不完整的帧）；其中没有已确认的数据，已被忽略（下次写入时会删除）")
        case .dtRecordOfBytes: ("a record of {0} bytes", "{0} 字节的记录")
        case .dtFieldKey: ("the key {0}", "键 {0} ")
        case .dtFieldColumn: ("the column {0}", "列 {0} ")
        case .dtFieldAccount: ("the account's {0}", "商户账号的{0}")
        case .dtFieldCard: ("the card number field", "卡号字段")
        case .jlEscapeCutShort: ("a \\u escape is cut short", "有一个 \\u 转义不完整")
        case .jlEscapeNonHex: ("a \\u escape has a non-hex digit", "有一个 \\u 转义含有非十六进制的字符")
        case .jlStringNotClosed: ("a string is not closed", "有一个字符串没有结束的引号")
        case .jlRawControl: ("a string holds a raw control character", "有一个字符串含有未转义的控制字符")
        case .jlLoneSurrogate: ("a lone surrogate in a \\u escape", "\\u 转义中有不成对的代理项")
        case .jlInvalidUEscape: ("an invalid \\u escape", "无效的 \\u 转义")
        case .jlInvalidEscape: ("an invalid escape \\{0}", "无效的转义 \\{0}")
        case .jlNotAnObject: ("expected a JSON object ({...}) on each line", "每一行都应是一个 JSON 对象（{...}）")
        case .jlQuotedKey: ("expected a quoted key", "这里应是带引号的键")
        case .jlColonAfterKey: ("expected ':' after a key", "键的后面应是 ':'")
        case .jlValueMissing: ("a value is missing", "缺少值")
        case .jlExponent: ("the number for {0} uses exponent notation; write amounts as plain decimals such as \"12.34\"",
                           "{0} 的数字用了指数形式；金额请写成普通的小数，例如 \"12.34\"")
        case .jlInvalidValue: ("invalid value for {0}", "{0} 的值无效")
        case .jlBoolValue: ("{0} must be a string or a number, not true or false", "{0} 必须是字符串或数字，不能是 true 或 false")
        case .jlNested: ("{0} holds a nested object or array; each line must be one flat object", "{0} 的值是嵌套的对象或数组；每一行必须是一个不嵌套的对象")
        case .jlKeyTwice: ("the key {0} appears twice", "键 {0} 出现了两次")
        case .jlObjectNotClosed: ("the object is not closed", "对象没有结束（缺少 '}'）")
        case .jlCommaOrBrace: ("expected ',' or '}'", "这里应是 ',' 或 '}'")
        case .jlTextAfterObject: ("text after the end of the object", "对象结束之后还有其他文字")
        case .nmNoKey: ("the vault has no backup marker key", "保险库没有备份标记密钥")
        case .nmPassphrase: ("a passphrase backup carries no marker (age allows no other stanza beside a passphrase)",
                             "用口令加密的备份不带标记（age 不允许口令旁边再有别的段）")
        case .nmFormat1: ("the vault is in format 1 (run `vaultcli upgrade` as an admin)",
                          "保险库还是格式 1（请由管理员运行 `vaultcli upgrade`）")
        case .nmNotWritten: ("the vault's backup marker key could not be written: {0}", "无法写入保险库的备份标记密钥：{0}")
        case .srWrongVault: ("its session is for vault {0}, not for {1} (vault {2})",
                             "这个会话属于保险库 {0}，不属于 {1}（保险库 {2}）")
        case .srUserNamed: ("the session acts as {0} ({1}), but $VAULTCLI_USER names {2}; unset VAULTCLI_USER to act as {0}, or give --user {2} to act as {2} with that password",
                            "会话以 {0}（{1}）的身份操作，但 $VAULTCLI_USER 指定的是 {2}；要以 {0} 的身份操作，请取消 VAULTCLI_USER；要以 {2} 的身份操作，请给出 --user {2} 并输入其密码")
        case .srNotSessionCommand: ("a session runs only {0}, not `{1}`; changing a password, one-time codes or recovery material asks for the password every time (give --user NAME)",
                                    "会话只运行 {0}，不运行 `{1}`；修改密码、一次性验证码或恢复材料时每次都要输入密码（请给出 --user NAME）")
        case .srCannotNameOperator: ("the session acts as {0} ({1}); a request cannot name an operator or carry a password (--user, --as, --password-stdin, --password-file)",
                                     "会话以 {0}（{1}）的身份操作；请求不能指定操作员，也不能带密码（--user、--as、--password-stdin、--password-file）")
        case .srListAnd: (" and ", "和")
        case .srListComma: (", ", "、")
        case .dtFrame: ("the {0} frame at offset {1}: {2}", "偏移 {1} 处的{0}帧：{2}")
        case .dtSigned: ("signed", "签名")
        case .dtWhyAuth: ("authentication failed", "认证失败")
        case .dtWhyChecksum: ("checksum mismatch", "校验和不符")
        case .dtWhySealed: ("sealed box does not open", "密封数据打不开")
        case .dtWhySignature: ("signature does not verify", "签名验证不通过")
        case .dtWhyMalformed: ("malformed body", "内容格式错误")
        case .dtWhyTooShort: ("too short", "太短")
        case .dtWhyNoKey: ("no verification key", "没有验证用的密钥")
        case .dtWhyAuditChain: ("its place in the audit chain does not verify: an event before it was removed or changed, or it was forged",
                                "它在审计链中的位置验证不通过：之前的事件被删除或修改过，或者它是伪造的")
        case .dtFrameTrailer: ("the frame trailer at offset {0}", "偏移 {0} 处的帧尾")
        case .dtFrameCutShort: ("the frame at offset {0} is cut short", "偏移 {0} 处的帧不完整（被截断）")
        case .dtFramePastLog: ("the frame at offset {0} runs past the end of the file", "偏移 {0} 处的帧超出了文件末尾")
        case .dtChainBroken: ("the chain is broken at offset {0}: a frame before it was removed, reordered or changed",
                              "偏移 {0} 处的链断了：之前的帧被删除、调换顺序或修改过")
        case .dtIndexPointer: ("the index pointer {0} is outside the file", "索引指针 {0} 超出了文件范围")
        case .dtNoIndex: ("the file holds no committed data (no index)", "文件里没有已提交的数据（没有索引）")
        case .dtSettingsMissing: ("the vault settings record is missing", "保险库设置记录不见了")
        case .dtAuditChainMissing: ("the audit chain record is missing or malformed", "审计链记录不见了或格式错误")
        case .dtHeaderDiffers: ("the file header differs from the admin-signed settings", "文件头与管理员签名的设置不一致")
        case .dtLatestIndex: ("the latest index is not the one the file points to", "最新的索引不是文件所指向的那一个")
        case .dtPayloadTruncated: ("the file is cut short (truncated): its end is missing", "文件不完整（被截断）：缺少结尾部分")
        case .dtPayloadLastEmpty: ("the last chunk is empty", "最后一块数据是空的")
        case .dtPayloadChunkAuth: ("a chunk failed authentication (changed or damaged)", "有一块数据认证失败（被改动或已损坏）")
        case .dtPayloadTrailing: ("there is data after the final chunk", "最后一块数据之后还有多余的数据")
        case .dtPayloadNonce: ("the payload nonce is missing or short", "加密数据的随机数缺失或太短")
        case .dtIdentityLine: ("a line does not start with AGE-SECRET-KEY-1 (only X25519 age identities are supported)",
                               "有一行不是以 AGE-SECRET-KEY-1 开头（只支持 X25519 的 age 身份密钥）")
        case .dtIdentityBech32: ("an AGE-SECRET-KEY-1 line does not hold a valid key", "有一行 AGE-SECRET-KEY-1 不是有效的密钥")
        case .dtManifestJSON: ("it is not the expected JSON", "它不是预期的 JSON")
        case .dtManifestTrailing: ("there are bytes after the vault", "保险库之后还有多余的字节")
        case .dtAgentDidNotStart: ("the session agent did not start", "会话代理没有启动")
        case .dtOtherVault: ("it holds a session for another vault", "它持有的是另一个保险库的会话")
        case .dtBusy: ("it is busy with 8 commands; try again", "它正在运行 8 个命令；请稍后再试")
        case .dtOtherUser: ("the client runs as another user", "客户端以另一个系统用户的身份运行")
        case .dtOperatorChanged: ("the operator {0} was removed, renamed or changed role since the session began",
                                  "会话开始之后，操作员 {0} 被删除、改名或更换了角色")
        case .dtDirOtherUser: ("{0} belongs to another user", "{0} 属于另一个系统用户")
        case .dtDirOpen: ("{0} can be used by others (mode {1})", "其他人可以使用 {0}（权限 {1}）")
        case .dtMalformed: ("a malformed request or answer", "请求或应答的格式错误")
        case .dtIndexMismatch: ("the index does not match the frame at offset {0} (the file was cut short or pieced together)",
                                "索引与偏移 {0} 处的帧对不上（文件被截断或被拼接过）")
        case .dtWhyMalformedBatch: ("malformed batch", "批次格式错误")
        case .dtWhyTrailing: ("trailing bytes", "末尾有多余的字节")
        case .dtWhyUnknownRecord: ("unknown record type", "未知的记录类型")
        case .dtShorterThanHeader: ("the file is shorter than its header ({0} bytes)", "文件比文件头还短（{0} 字节）")
        case .dtHeaderChecksum: ("the file header is damaged", "文件头已损坏")
        case .dtInsideIncomplete: ("the vault inside ends with an incomplete frame", "备份里的保险库以不完整的帧结尾")
        case .dtTxRecord: ("a transaction record cannot be read", "有一条交易记录无法读取")
        case .dtPolicyMissing: ("the password policy record is missing", "密码规则记录不见了")
        case .dtFileLine: ("{0} line {1}: {2}", "{0} 第 {1} 行：{2}")
        case .dtStoppedMidCommand: ("the session agent stopped while it ran this command (locked, timed out or killed); the command may not have finished",
                                    "会话代理在运行这个命令时停止了（被锁定、超时或被终止）；命令可能没有完成")
        case .dtOlderClient: ("this session agent never hands out keys; it runs commands for vaultcli clients of the same version (this client is older)",
                              "会话代理从不交出密钥，只为同一版本的 vaultcli 运行命令（这个客户端的版本较旧）")
        case .dtSessionEnded: ("{0} (at {1}); the keys were wiped from memory", "{0}（于 {1}）；密钥已从内存中清除")
        case .dtEndLocked: ("it was locked with `vaultcli lock`", "已用 `vaultcli lock` 锁定")
        case .dtEndSignal: ("the session agent was stopped by a signal", "会话代理被信号终止")
        case .dtEndIdle: ("it was idle for more than {0} minutes", "空闲超过 {0} 分钟")
        case .dtEndLifetime: ("it reached its limit of {0} minutes in all", "已达到总时长上限 {0} 分钟")
        case .ipNotRegularFile: ("{0} is not a regular file", "{0} 不是普通文件")
        case .ipNotDirectory: ("{0} is not a directory", "{0} 不是目录")
        case .ipFileExists: ("{0} already exists; it was not changed", "{0} 已经存在；没有改动它")
        case .ipFileExistsHint: ("choose another file name, or remove that file first", "换一个文件名，或者先删除那个文件")
        case .ipAlreadyFormat: ("the vault is already in format version {0}", "保险库已经是格式版本 {0}")
        case .ipSocketPathLong: ("the session socket path {0} is too long", "会话套接字路径 {0} 太长")
        case .ipRequestTooLong: ("the command line and environment are too long for a session request ({0} bytes; at most {1})",
                                 "命令行和环境变量太长，无法作为会话请求发送（{0} 字节；最多 {1}）")
        case .ipRecoveryKeyNotX25519: ("a recovery key must be an X25519 public key", "恢复密钥必须是 X25519 公钥")
        // MARK: language selection
        case .langOptionHelp: ("The language of messages and help: en or zh-Hans. Default: $VAULTCLI_LANG, else the locale ($LC_ALL, $LC_MESSAGES, $LANG).",
                               "提示和帮助使用的语言：en 或 zh-Hans。默认：$VAULTCLI_LANG，否则按区域设置（$LC_ALL、$LC_MESSAGES、$LANG）。")
        case .langMissingValue: ("--lang needs a value: en or zh-Hans", "--lang 后面要写语言：en 或 zh-Hans")
        case .langUnknown: ("--lang \"{0}\" is not a language vaultcli speaks: use en or zh-Hans", "--lang “{0}”不是 vaultcli 支持的语言：请用 en 或 zh-Hans")
        case .langUnknownEnvironment: ("$VAULTCLI_LANG is \"{0}\", not a language vaultcli speaks: set it to en or zh-Hans, or unset it",
                                       "$VAULTCLI_LANG 是“{0}”，不是 vaultcli 支持的语言：请设为 en 或 zh-Hans，或者取消这个设置")

        // MARK: the voice of every error
        case .cryptoFailure: ("cryptographic failure: {0}", "加密运算失败：{0}")
        case .otherFailure: ("{0}", "{0}")
        case .unknownReason: ("unknown reason", "原因不明")

        // MARK: roles
        case .roleCashier: ("cashier", "收银员")
        case .roleManager: ("manager", "店长")
        case .roleAdmin: ("admin", "管理员")

        // MARK: VaultError
        case .vaultNoVault: ("no vault at {0}", "{0} 没有保险库")
        case .vaultNoVaultHint: ("create one with `vaultcli init`, or point to yours with --vault PATH or $VAULTCLI_VAULT",
                                 "用 `vaultcli init` 新建一个，或用 --vault PATH 或 $VAULTCLI_VAULT 指向您的保险库")
        case .vaultExists: ("a vault already exists at {0}; it was not changed", "{0} 已经有一个保险库；它没有被改动")
        case .vaultExistsHint: ("use another path with --vault PATH, or remove the old vault yourself if you really mean to start over",
                                "用 --vault PATH 换一个位置；如果确实要从头开始，请自己删除旧的保险库")
        case .vaultAuthFailed: ("wrong user name or password", "用户名或密码错误")
        case .vaultAuthFailedHint: ("check the user name and try again; after {0} failures the operator is locked for {1} minutes",
                                    "请核对用户名后再试；连续失败 {0} 次后，该操作员会被锁定 {1} 分钟")
        case .vaultCorrupt: ("the vault at {0} is damaged or was tampered with: {1}", "{0} 的保险库已损坏或被篡改：{1}")
        case .vaultCorruptHint: ("run `vaultcli verify` for details, and restore the latest backup with `vaultcli restore FILE` if it cannot be read",
                                 "运行 `vaultcli verify` 查看详情；如果无法读取，用 `vaultcli restore FILE` 恢复最近的备份")
        case .vaultUnsupportedVersion: ("this vault uses format version {0}, but this vaultcli reads only version {1}",
                                        "这个保险库的格式版本是 {0}，但这个 vaultcli 只能读取版本 {1}")
        case .vaultUnsupportedVersionHint: ("upgrade vaultcli to a version that knows this format; the file was not changed",
                                            "请把 vaultcli 升级到支持这个格式的版本；文件没有被改动")
        case .vaultNotAVault: ("{0} is not a vaultcli vault (wrong magic bytes)", "{0} 不是 vaultcli 保险库（文件标识不对）")
        case .vaultNotAVaultHint: ("check the path given with --vault or $VAULTCLI_VAULT", "请检查 --vault 或 $VAULTCLI_VAULT 给出的路径")
        case .vaultLockHeld: ("another vaultcli process is using the vault at {0} (waited {1} ms for its lock)",
                              "另一个 vaultcli 进程正在使用 {0} 的保险库（已等待 {1} ms）")
        case .vaultLockHeldHint: ("wait for the other vaultcli command to finish, then try again", "请等另一个 vaultcli 命令结束后再试")
        case .ioFailed: ("cannot {0} {1}: {2}", "无法{0} {1}：{2}")
        case .ioHintNoSpace: ("free some space on that device; nothing was changed", "请在该设备上腾出一些空间；没有任何改动")
        case .ioHintReadOnly: ("the device is read-only; choose a writable location", "该设备是只读的；请换一个可写的位置")
        case .ioHintPermissions: ("check the file's owner and permissions", "请检查文件的所有者和权限")
        case .ioHintDevice: ("check that the device is present and writable", "请检查设备是否已连接并且可写")
        case .vaultSymlink: ("{0} is a symbolic link; vaultcli refuses to follow a link where the vault should be",
                             "{0} 是一个符号链接；在保险库的位置上，vaultcli 不跟随链接")
        case .vaultSymlinkHint: ("point --vault at the real file instead of the link", "请让 --vault 指向真正的文件，而不是链接")
        case .vaultWeakKDF: ("the vault's key derivation ({0}) is below the floor (m >= {1} KiB, t >= {2}); refusing to open it",
                             "保险库的密钥派生参数（{0}）低于下限（m >= {1} KiB，t >= {2}）；拒绝打开")
        case .vaultWeakKDFHint: ("the file may have been altered to weaken it; restore from a backup you trust",
                                 "文件可能被人改动过以削弱保护；请从您信任的备份恢复")
        case .vaultCostlyKDF: ("a key slot asks for a key derivation ({0}) above anything vaultcli writes (m <= {1} KiB, t <= {2}); refusing to run it",
                               "某个密钥槽要求的密钥派生参数（{0}）超过 vaultcli 会写入的任何值（m <= {1} KiB，t <= {2}）；拒绝执行")
        case .vaultCostlyKDFHint: ("the file may have been altered to tie up this terminal; run `vaultcli verify`, and restore from a backup you trust",
                                   "文件可能被人改动过，想拖垮这台终端；请运行 `vaultcli verify`，并从您信任的备份恢复")
        case .vaultPermissionDenied: ("permission denied: this needs the \"{0}\" permission, which the {1} role does not have",
                                      "权限不足：这需要“{0}”权限，而{1}角色没有这个权限")
        case .vaultPermissionDeniedHint: ("ask an admin to do it, or to change your role", "请让管理员来做，或请管理员更改您的角色")
        case .vaultNotFound: ("{0} not found", "找不到{0}")
        case .vaultTooLarge: ("{0} is too large", "{0}太大")
        case .vaultNeedsUpgrade: ("the vault at {0} uses format version 1, which this vaultcli reads but no longer writes",
                                  "{0} 的保险库使用格式版本 1，这个 vaultcli 能读取但不再写入")
        case .vaultNeedsUpgradeHint: ("an admin moves it to format v2 with `vaultcli upgrade --user NAME` (the v1 file is kept beside it); then run the command again",
                                      "请管理员用 `vaultcli upgrade --user NAME` 把它升级到格式 v2（v1 文件会保留在旁边）；然后再运行这个命令")
        case .vaultRolledBack: ("the vault at {0} was rolled back to an earlier copy or cut short: {1}", "{0} 的保险库被换回了较早的副本，或被截短了：{1}")
        case .vaultRolledBackHint1: ("someone replaced the vault file with an older copy: restore your latest backup with `vaultcli restore FILE` (a restore starts the record afresh)",
                                     "有人用较旧的副本替换了保险库文件：请用 `vaultcli restore FILE` 恢复最近的备份（恢复后重新开始记录）")
        case .vaultRolledBackHint2: ("if you put the older copy there yourself on purpose, delete {0} and log in again",
                                     "如果是您自己有意放回旧副本，请删除 {0} 后重新登录")
        case .vaultLastSeenUnreadable: ("the record of what this admin last saw of the vault ({0}) cannot be read: it was written by someone else, or damaged",
                                        "无法读取这位管理员上次所见的保险库状态记录（{0}）：它被别人写过，或已损坏")
        case .vaultLastSeenUnreadableHint: ("if you trust the vault as it is, delete {0} and log in again; `vaultcli verify` checks the vault",
                                            "如果您信任保险库的现状，请删除 {0} 后重新登录；`vaultcli verify` 可以检查保险库")
        case .vaultSavedButNotErased: ("the vault at {0} was updated, but the superseded copies could not be erased in place: {1}",
                                       "{0} 的保险库已更新，但被替换的旧副本未能就地擦除：{1}")
        case .vaultSavedButNotErasedHint: ("the device failed a write: check it, then run the command again if its result is missing; the superseded copies are never read again, and the next compaction or `vaultcli rekey` removes them",
                                           "设备写入失败：请检查设备；如果命令的结果不见了，请再运行一次。旧副本不会再被读取，下次压缩或 `vaultcli rekey` 会清除它们")

        // MARK: OperatorError
        case .opLocked: ("operator {0} is locked after too many failed logins, until {1}", "操作员 {0} 因登录失败次数过多已被锁定，直到 {1}")
        case .opLockedHint: ("wait, or ask an admin or manager to run `vaultcli user unlock {0} --user THEIR-NAME`",
                             "请等待，或请管理员或店长运行 `vaultcli user unlock {0} --user THEIR-NAME`")
        case .opDisabled: ("operator {0} is disabled", "操作员 {0} 已被停用")
        case .opDisabledHint: ("ask an admin to run `vaultcli user enable NAME`", "请管理员运行 `vaultcli user enable NAME`")
        case .opMustChangeExpired: ("the password of {0} has expired and must be changed before anything else", "{0} 的密码已过期，必须先修改密码")
        case .opMustChangeReset: ("the password of {0} was set by an administrator and must be changed before anything else", "{0} 的密码是管理员设置的，必须先修改密码")
        case .opMustChangeHint: ("run `vaultcli user passwd --user {0}` to choose a new password", "运行 `vaultcli user passwd --user {0}` 设置新密码")
        case .opPolicy: ("the password does not meet the policy:", "密码不符合密码规则：")
        case .opPolicyHint: ("`vaultcli genpass` makes a password that passes; `vaultcli policy show` lists the rules",
                             "`vaultcli genpass` 可以生成符合规则的密码；`vaultcli policy show` 列出规则")
        case .opReused: ("it is one of your last {0} passwords", "它是您最近 {0} 个密码之一")
        case .opExists: ("an operator named {0} already exists", "已经有一个名为 {0} 的操作员")
        case .opExistsHint: ("choose another name, or see `vaultcli user list`", "请换一个名字，或查看 `vaultcli user list`")
        case .opLookalike: ("the name {0} looks like the existing operator {1} (look-alike letters from other scripts, or digits for letters: Unicode UTS #39 confusables), so it is refused",
                            "名字 {0} 看起来像已有的操作员 {1}（来自其他文字的形近字母，或用数字冒充字母：Unicode UTS #39 易混字符），所以被拒绝")
        case .opLookalikeHint: ("choose a name that looks different from every name in `vaultcli user list`", "请选一个与 `vaultcli user list` 中每个名字看起来都不同的名字")
        case .opUnknown: ("no operator named {0}", "没有名为 {0} 的操作员")
        case .opUnknownHint: ("see `vaultcli user list`", "请查看 `vaultcli user list`")
        case .opLastAdmin: ("this would leave the vault without an active admin", "这样保险库就没有可用的管理员了")
        case .opLastAdminHint: ("add or promote another admin first", "请先添加或提升另一位管理员")
        case .opCodeNeeded: ("{0} signs in with a one-time code as well, and none could be asked for", "{0} 登录时还需要一次性验证码，但现在无法询问")
        case .opCodeNeededHint: ("run the command on a terminal, or with --password-stdin give the code as the line after the password",
                                 "请在终端上运行这个命令，或配合 --password-stdin 在密码的下一行给出验证码")
        case .opCodeMissing: ("{0} signs in with a one-time code as well, and none was given", "{0} 登录时还需要一次性验证码，但没有给出")
        case .opCodeMissingHint: ("give the code from the authenticator app as the line after the password (with --password-stdin), or run the command on a terminal",
                                  "请在密码的下一行给出验证器应用上的验证码（配合 --password-stdin），或在终端上运行这个命令")
        case .opCodeMalformed: ("a one-time code is 6 digits; what was given is not", "一次性验证码是 6 位数字；给出的不是")
        case .opCodeAlreadyUsed: ("that one-time code was already used; a code works once", "这个一次性验证码已经用过了；每个验证码只能用一次")
        case .opCodeAlreadyUsedHint: ("wait for the app to show the next code (every 30 s) and use that", "请等应用显示下一个验证码（每 30 s 一个）再用")
        case .opCodeWrong: ("the one-time code is wrong", "一次性验证码错误")
        case .opCodeWrongHint: ("type the 6-digit code the authenticator app shows now for this vault; a lost phone: `vaultcli recover password` or an admin's `vaultcli user totp disable NAME`",
                                "请输入验证器应用当前为这个保险库显示的 6 位验证码；手机丢了：用 `vaultcli recover password`，或请管理员运行 `vaultcli user totp disable NAME`")
        case .opCodeSkewAgo: ("the one-time code is from {0} ago: the clock of the authenticator app or of this terminal is off by about that much",
                              "这个一次性验证码是 {0}之前的：验证器应用或这台终端的时钟大约偏差了这么多")
        case .opCodeSkewAhead: ("the one-time code is from {0} ahead: the clock of the authenticator app or of this terminal is off by about that much",
                                "这个一次性验证码是 {0}之后的：验证器应用或这台终端的时钟大约偏差了这么多")
        case .opCodeSkewHint: ("set the phone's time to automatic (network time), and check this terminal's time with `date`; then use the code the app shows",
                               "请把手机时间设为自动（网络时间），并用 `date` 检查这台终端的时间；然后使用应用显示的验证码")
        case .durationSeconds: ("{0} seconds", "{0} 秒")
        case .durationMinutes: ("{0} minutes", "{0} 分钟")
        case .opLockoutTampered: ("the failed-login counter of {0} was removed, or cleared without that operator's key: the vault file is damaged or was tampered with, so {0} cannot log in",
                                  "{0} 的登录失败计数被删除了，或在没有该操作员密钥的情况下被清零：保险库文件已损坏或被篡改，所以 {0} 无法登录")
        case .opLockoutTamperedHint1: ("an admin (or a manager, for a cashier) can start a fresh count with `vaultcli user unlock {0} --user THEIR-NAME`; an admin alone can reset her own with `vaultcli recover password --user {0}` and a recovery code",
                                       "管理员（收银员的话，店长也可以）可以用 `vaultcli user unlock {0} --user THEIR-NAME` 重新开始计数；唯一的管理员可以用 `vaultcli recover password --user {0}` 和一个恢复码重置自己的计数")
        case .opLockoutTamperedHint2: ("`vaultcli audit list --as THEIR-NAME --action login` shows the failed logins", "`vaultcli audit list --as THEIR-NAME --action login` 可以查看失败的登录")

        // MARK: BackupError
        case .ahEmpty: ("the file is empty", "文件是空的")
        case .ahNotVersionLine: ("the first line is not `age-encryption.org/v1`", "第一行不是 `age-encryption.org/v1`")
        case .ahTooLarge: ("the header is larger than 1 MiB", "文件头超过了 1 MiB")
        case .ahEndsInsideHeader: ("the file ends inside the header", "文件在文件头中间就结束了")
        case .ahEndsInside: ("the file ends inside the header ({0})", "文件在文件头中间就结束了（{0}）")
        case .ahNoNewline: ("the header ends without a newline ({0})", "文件头的最后一行没有换行符（{0}）")
        case .ahPartMacLine: ("MAC line", "MAC 行")
        case .ahPartStanza: ("stanza", "段的开头行")
        case .ahPartStanzaBody: ("stanza body", "段的内容")
        case .ahLineTooLong: ("a header line is too long", "文件头中有一行太长")
        case .ahMalformedClosingLine: ("malformed closing line", "文件头的结束行格式错误")
        case .ahMalformedStanzaLine: ("malformed stanza line", "有一个段的开头行格式错误")
        case .ahStanzaBodyNotBase64: ("a stanza body line is not canonical unpadded base64, or the stanza ended without a short line", "有一行段内容不是规范的无填充 base64 编码，或者段没有以短行结束")
        case .ahStanzaBodyTooLong: ("a stanza body line is longer than 64 columns", "有一行段内容超过了 64 列")
        case .ahUnexpectedLine: ("unexpected line in the header", "文件头中有一行无法识别")
        case .ahScryptNotAlone: ("an scrypt stanza must be the only stanza", "scrypt 段必须是唯一的段")
        case .ahX25519ArgumentCount: ("an X25519 stanza must have exactly one argument", "X25519 段必须正好有一个参数")
        case .ahX25519ShareNotBase64: ("an X25519 stanza's share is not 32 bytes of canonical base64", "X25519 段的临时公钥不是 32 字节的规范 base64 编码")
        case .ahX25519WrappedKeySize: ("an X25519 stanza's wrapped file key has the wrong size", "X25519 段中加密的文件密钥长度不对")
        case .ahX25519LowOrderShare: ("an X25519 stanza's share is a low-order point", "X25519 段的临时公钥是低阶点")
        case .ahScryptArgumentCount: ("an scrypt stanza must have exactly two arguments", "scrypt 段必须正好有两个参数")
        case .ahScryptSaltNotBase64: ("an scrypt stanza's salt is not 16 bytes of canonical base64", "scrypt 段的盐值不是 16 字节的规范 base64 编码")
        case .ahScryptWorkFactorNotDecimal: ("an scrypt stanza's work factor is not a plain decimal number", "scrypt 段的工作量因子不是普通的十进制数")
        case .ahScryptWrappedKeySize: ("an scrypt stanza's wrapped file key has the wrong size", "scrypt 段中加密的文件密钥长度不对")
        case .aaTooMuchWhitespaceBefore: ("too much whitespace before the `-----BEGIN AGE ENCRYPTED FILE-----` line", "`-----BEGIN AGE ENCRYPTED FILE-----` 行之前的空白太多")
        case .aaFirstLineNotBegin: ("the first line is not `-----BEGIN AGE ENCRYPTED FILE-----`", "第一行不是 `-----BEGIN AGE ENCRYPTED FILE-----`")
        case .aaLineTooLong: ("a line is too long", "有一行太长")
        case .aaLineLongerThan64: ("a line is longer than 64 columns", "有一行超过了 64 列")
        case .aaEmptyLine: ("an empty line inside the armor", "封装内有一个空行")
        case .aaNotCanonicalBase64: ("a line is not canonical, padded base64", "有一行不是规范的、带填充的 base64 编码")
        case .aaShortLineNotLast: ("a short line is not followed by the `-----END AGE ENCRYPTED FILE-----` line", "有一个短行后面不是 `-----END AGE ENCRYPTED FILE-----` 行")
        case .aaNoEndLine: ("the armor ends without its `-----END AGE ENCRYPTED FILE-----` line", "封装结尾缺少 `-----END AGE ENCRYPTED FILE-----` 行")
        case .aaDataAfterEnd: ("data after the `-----END AGE ENCRYPTED FILE-----` line", "`-----END AGE ENCRYPTED FILE-----` 行之后还有数据")
        case .aaTooMuchWhitespaceAfter: ("too much whitespace after the `-----END AGE ENCRYPTED FILE-----` line", "`-----END AGE ENCRYPTED FILE-----` 行之后的空白太多")
        case .arNotAge1: ("\"{0}...\" does not start with age1 (only X25519 age recipients are supported)", "“{0}...” 不是以 age1 开头（只支持 X25519 的 age 接收者）")
        case .arNotBech32: ("{0}... is not valid Bech32 ({1})", "{0}... 不是有效的 Bech32 编码（{1}）")
        case .arNotX25519: ("{0}... is not a 32-byte X25519 age recipient", "{0}... 不是 32 字节的 X25519 age 接收者")
        case .arFileHoldsNone: ("{0} holds no recipient", "{0} 里没有接收者")
        case .arKeyNot32Bytes: ("X25519 key is not 32 bytes", "X25519 公钥不是 32 字节")
        case .arLowOrderPoint: ("the X25519 key is a low-order point", "X25519 公钥是低阶点")
        case .arWorkFactorOutOfRange: ("scrypt work factor 2^{0} is outside 2^{1}...2^{2}", "scrypt 工作量因子 2^{0} 不在 2^{1} 到 2^{2} 之间")
        case .b32MixedCase: ("upper and lower case are mixed", "大小写混用")
        case .b32BadSeparator: ("the separator is missing or misplaced", "分隔符缺失或位置不对")
        case .b32InvalidCharacter: ("a character is not allowed", "有不允许的字符")
        case .b32BadChecksum: ("the checksum does not match (a typo?)", "校验和不符（是否有输错的字符？）")
        case .b32BadPadding: ("the padding bits are wrong", "填充位不对")
        case .aiFileHoldsNone: ("{0} holds no identity", "{0} 里没有身份密钥")
        case .aiFileTooLarge: ("{0} is too large for an identity file", "{0} 太大，不可能是身份文件")
        case .aiNotX25519ForKeyFile: ("only X25519 identities can be written to a key file", "只有 X25519 身份密钥可以写入身份文件")
        case .bkAppearedDuringRestore: ("it appeared during the restore", "它是在恢复过程中出现的")
        case .bmLength: ("its length {0} is out of range", "清单长度 {0} 超出了范围")
        case .bmFormat: ("its format {0} is not the container version {1}", "清单格式 {0} 与容器版本 {1} 不一致")
        case .bmVaultIdNotHex: ("vault_id is not hex", "vault_id 不是十六进制数")
        case .bmCreatedNotTime: ("created is not an ISO 8601 UTC time", "created 不是 ISO 8601 格式的 UTC 时间")
        case .bmNamesOtherVault: ("it names vault {0} (terminal {1}), but the vault inside is {2} (terminal {3})", "清单写的是保险库 {0}（终端 {1}），但其中的保险库是 {2}（终端 {3}）")
        case .bpTooManyChunks: ("too many chunks", "数据块太多")
        case .bkHeaderInvalid: ("the backup's age header is damaged or not an age file: {0}", "备份的 age 文件头已损坏，或者这不是 age 文件：{0}")
        case .bkHeaderMAC: ("the backup's age header failed its integrity check (header MAC mismatch): it was changed after it was written",
                            "备份的 age 文件头未通过完整性检查（文件头 MAC 不符）：写入后被改动过")
        case .bkNoMatchingIdentity: ("none of the given identities can open this backup", "给出的身份密钥都打不开这个备份")
        case .bkNoMatchingIdentityHint: ("pass the identity file the backup was made for with --identity FILE, or use --passphrase if it was made with one",
                                         "请用 --identity FILE 给出制作备份时用的身份文件；如果备份用的是口令，请用 --passphrase")
        case .bkWrongPassphrase: ("wrong passphrase for this backup", "备份口令错误")
        case .bkWrongPassphraseHint: ("check the passphrase and try again", "请核对口令后再试")
        case .bkWorkFactor: ("the backup's passphrase work factor 2^{0} is above the accepted maximum 2^{1}", "备份口令的工作量因子 2^{0} 超过了允许的最大值 2^{1}")
        case .bkWorkFactorHint: ("the file may have been crafted to waste your CPU; if you made it yourself, decrypt it with `age -d`",
                                 "这个文件可能是故意制作来消耗 CPU 的；如果是您自己做的，请用 `age -d` 解密")
        case .bkPayloadInvalid: ("the backup's encrypted payload is damaged: {0}", "备份的加密内容已损坏：{0}")
        case .bkArmorInvalid: ("the backup's ASCII armor is malformed: {0}", "备份的 ASCII 封装格式不对：{0}")
        case .bkDamagedHint: ("the file is truncated, damaged or was tampered with; use another copy of the backup", "文件被截断、损坏或篡改；请使用这个备份的另一份副本")
        case .bkInvalidRecipient: ("invalid recipient: {0}", "接收者无效：{0}")
        case .bkInvalidRecipientHint: ("a recipient looks like age1... (see `vaultcli keygen`)", "接收者的样子是 age1...（参见 `vaultcli keygen`）")
        case .bkInvalidIdentity: ("invalid identity: {0}", "身份密钥无效：{0}")
        case .bkInvalidIdentityHint: ("an identity file holds lines like AGE-SECRET-KEY-1... (see `vaultcli keygen`)", "身份文件里是 AGE-SECRET-KEY-1... 这样的行（参见 `vaultcli keygen`）")
        case .bkNoRecipients: ("no recipient was given: the backup would be readable by no one", "没有给出接收者：这个备份将没有人能打开")
        case .bkNoRecipientsHint: ("add --recipient age1..., --recipients-file FILE, or --passphrase; or let the vault keep a default recipient with `vaultcli keygen -o FILE --add-to-vault`",
                                   "请加上 --recipient age1...、--recipients-file FILE 或 --passphrase；或用 `vaultcli keygen -o FILE --add-to-vault` 让保险库保存一个默认接收者")
        case .bkPassphraseNotAlone: ("a passphrase cannot be combined with other recipients (the age format requires the scrypt stanza to stand alone)",
                                     "口令不能与其他接收者同时使用（age 格式要求 scrypt 段单独存在）")
        case .bkPassphraseNotAloneHint: ("use either --passphrase or recipients, not both", "请二选一：--passphrase 或接收者")
        case .bkNoIdentities: ("no identity or passphrase was given to open the backup", "没有给出打开备份用的身份密钥或口令")
        case .bkNoIdentitiesHint: ("pass --identity FILE or --passphrase", "请给出 --identity FILE 或 --passphrase")
        case .bkNotABackup: ("the decrypted file is not a vaultcli backup (wrong magic bytes)", "解密后的文件不是 vaultcli 备份（文件标识不对）")
        case .bkNotABackupHint: ("this age file was not made by `vaultcli backup`; decrypt it with `age -d` instead", "这个 age 文件不是 `vaultcli backup` 制作的；请改用 `age -d` 解密")
        case .bkUnsupportedVersion: ("this backup uses container version {0}, but this vaultcli reads only version {1}", "这个备份的容器版本是 {0}，但这个 vaultcli 只能读取版本 {1}")
        case .bkUnsupportedVersionHint: ("upgrade vaultcli to restore this backup; nothing was changed", "请升级 vaultcli 后再恢复这个备份；没有任何改动")
        case .bkManifestInvalid: ("the backup's manifest is invalid: {0}", "备份的清单无效：{0}")
        case .bkTruncated: ("the backup ends before the vault it should contain is complete", "备份在所含保险库结束之前就结束了")
        case .bkSizeMismatch: ("the backup's vault is {0} bytes but its manifest says {1}", "备份中的保险库是 {0} 字节，但清单写的是 {1}")
        case .bkHashMismatch: ("the backup's vault does not match the BLAKE2b-256 digest after it", "备份中的保险库与其后的 BLAKE2b-256 摘要不符")
        case .bkIONoSpaceHint: ("free some space on that device or choose another; no partial backup was left behind", "请在该设备上腾出空间或换一个设备；没有留下不完整的备份")
        case .bkIOPermissionsHint: ("check the owner and permissions of the target", "请检查目标的所有者和权限")
        case .bkIODeviceGoneHint: ("check that the device is still plugged in and mounted; no partial backup was left behind", "请检查设备是否仍然插着并已挂载；没有留下不完整的备份")
        case .bkReadBackMismatch: ("the backup read back from {0} differs from what was written: the device is faulty", "从 {0} 读回的备份与写入的不一致：设备有故障")
        case .bkReadBackMismatchHint: ("use another USB stick or disk; the faulty copy was removed", "请换一个 U 盘或磁盘；有问题的副本已删除")
        case .bkTargetExists: ("{0} already exists; it was not changed", "{0} 已经存在；它没有被改动")
        case .bkTargetExistsForceHint: ("pass --force to replace it with a backup of the same vault (the existing one is moved aside, never deleted), --replace-vault if the backup is of another vault, or choose another path with --vault PATH",
                                        "加上 --force 用同一保险库的备份替换它（现有的会被移到一旁，不会删除）；如果备份来自另一个保险库，用 --replace-vault；或用 --vault PATH 换一个位置")
        case .bkTargetExistsHint: ("choose another path; vaultcli never overwrites it", "请换一个路径；vaultcli 从不覆盖它")
        case .bkRefuseBinaryToTerminal: ("refusing to write a binary backup to a terminal", "拒绝把二进制备份写到终端上")
        case .bkRefuseBinaryToTerminalHint: ("redirect the output to a file or a pipe, or pass --armor", "请把输出重定向到文件或管道，或加上 --armor")
        case .bkSourceChanged: ("the vault changed while it was being backed up (expected {0} bytes, read {1})", "备份过程中保险库发生了变化（应为 {0} 字节，读到 {1}）")
        case .bkSourceChangedHint: ("run the backup again", "请重新备份")
        case .bkDifferentVault: ("{0} holds another vault (vault id {1}, terminal {2}) than the backup (vault id {3}, terminal {4}); nothing was changed",
                                 "{0} 中的保险库（保险库 ID {1}，终端 {2}）与备份中的（保险库 ID {3}，终端 {4}）不是同一个；没有任何改动")
        case .bkDifferentVaultHint1: ("to replace it with the backup's vault, pass --replace-vault: the current vault is moved to {0}.before-restore-<UTC time>, never deleted",
                                      "要用备份中的保险库替换它，请加上 --replace-vault：当前的保险库会被移到 {0}.before-restore-<UTC 时间>，不会删除")
        case .bkDifferentVaultHint2: ("to keep both, restore to another path with --vault PATH", "要两个都保留，请用 --vault PATH 恢复到另一个位置")
        case .bkUnidentifiedVault: ("{0} exists but cannot be identified as a vault ({1}); nothing was changed", "{0} 已存在，但无法识别为保险库（{1}）；没有任何改动")
        case .bkUnidentifiedVaultHint: ("to replace it anyway, pass --replace-vault: it is moved to {0}.before-restore-<UTC time>, never deleted",
                                        "如果仍要替换，请加上 --replace-vault：它会被移到 {0}.before-restore-<UTC 时间>，不会删除")
        case .bkMarkerMismatch: ("the backup's marker (vault id {0}, terminal {1}) is not one the vault inside wrote: it does not verify under that vault's marker key or disagrees with the manifest",
                                 "备份的标记（保险库 ID {0}，终端 {1}）不是其中的保险库写的：它无法用该保险库的标记密钥验证，或与清单不符")

        // MARK: SessionError
        case .mpTooLarge: ("it is larger than 16 KiB",
                          "它大于 16 KiB")
        case .mpNotText: ("it is not UTF-8 text ending in a line feed",
                         "它不是以换行符结尾的 UTF-8 文本")
        case .mpNotAManifest: ("it is not a vaultcli fleet manifest (version 1)",
                              "它不是连锁备份的清单（版本 1）")
        case .mpSignatureLine: ("the signature line is malformed",
                               "签名行的格式错误")
        case .mpLineShouldBe: ("line {0} should be \"{1} …\"",
                              "第 {0} 行应当是“{1} …”")
        case .mpSeq: ("seq is not a positive number",
                     "seq（序号）不是正整数")
        case .mpCreated: ("created is not a UTC time",
                         "created（创建时间）不是 UTC 时间")
        case .mpSize: ("size is not a positive number",
                      "size（大小）不是正整数")
        case .mpSha256: ("sha256 is not 64 hex digits",
                        "sha256 不是 64 位十六进制数")
        case .mpPrev: ("prev is neither none nor 64 hex digits",
                      "prev（上一份清单）既不是 none，也不是 64 位十六进制数")
        case .mpNoRecipient: ("it names no recipient",
                             "它没有写明任何接收者")
        case .mpSigner: ("the signer is not ed25519:<64 hex>",
                        "签名者不是 ed25519:<64 位十六进制>")
        case .mpUnexpectedLine: ("unexpected line {0}",
                                "第 {0} 行是多余的")
        case .mpNotCanonical: ("it is not in canonical form",
                              "它不是规范格式")
        case .mpNotRosterKey: ("it is not signed by terminal {0}'s key in the roster",
                              "它不是用名册中终端 {0} 的密钥签名的")
        case .mpSignature: ("its signature does not verify",
                           "它的签名验证不通过")
        case .mpOtherObject: ("it names object {0}, not the one beside {1}",
                             "它写的对象是 {0}，不是 {1} 旁边的那个")
        case .mpObjectName: ("its object name does not match its time and seq",
                            "它的对象名与其中的时间和序号不符")
        case .mpNotDownloaded: ("it could not be downloaded",
                               "无法下载它")
        case .mpObjectMissing: ("its backup object is missing",
                               "它的备份对象不存在")
        case .mpObjectSize: ("its backup object is {0} bytes, the manifest says {1}",
                            "它的备份对象有 {0} 字节，清单上写的是 {1}")
        case .roForm: ("expected `<terminal id> ed25519:<64 hex>`",
                      "应当是 `<terminal id> ed25519:<64 hex>`")
        case .roTerminalId: ("\"{0}\" is not a terminal id (1–16 of A-Z a-z 0-9 . _ -)",
                            "“{0}”不是终端号（1–16 个字符，只能用 A-Z、a-z、0-9、.、_、-）")
        case .roKey: ("the key is not ed25519:<64 hex>",
                     "密钥不是 ed25519:<64 位十六进制>")
        case .roTwice: ("terminal {0} is listed twice",
                       "终端 {0} 列出了两次")
        case .enrNoRecipient: ("name at least one head-office recipient (--recipient age1...)",
                              "请至少指定一个总部接收者（--recipient age1...）")
        case .enrNotX25519: ("{0} is not an X25519 recipient",
                            "{0} 不是 X25519 接收者")
        case .enrBackfill: ("staging a backfilled history is a test-only tool (a debug build with the test KDF knob)",
                           "暂存补填的历史备份是仅供测试的工具（需要带测试用 KDF 开关的调试版本）")
        case .locNoScheme: ("\"{0}\" does not start with rclone:",
                           "“{0}”不是以 rclone: 开头的")
        case .locNoRemote: ("\"{0}\" names no remote (rclone:REMOTE:PATH)",
                           "“{0}”没有写明远端（rclone:REMOTE:PATH）")
        case .locDash: ("a remote cannot start with -",
                       "远端名不能以 - 开头")
        case .locControl: ("the location contains a control character",
                          "位置中含有控制字符")
        case .ropReadBack: ("read back",
                           "读回")
        case .ropStart: ("start",
                        "启动")
        case .ropTalkTo: ("talk to",
                         "连接")
        case .ropDeleteFrom: ("delete from",
                             "删除")
        case .rsayListing: ("its listing is not the JSON rclone writes",
                           "它的列表不是 rclone 写出的 JSON 格式")
        case .rsayNotListed: ("it is not in the store's listing after the upload",
                             "上传之后它不在存储的列表里")
        case .rsaySocketPath: ("the temporary directory's path is too long for a socket (set TMPDIR to a shorter one)",
                              "临时目录的路径太长，无法放置套接字（请把 TMPDIR 设为更短的路径）")
        case .rsayNoAnswer60: ("it did not answer within 60 s",
                              "它在 60 秒内没有应答")
        case .rsayClosed: ("it closed the connection without an answer{0}",
                          "它没有应答就关闭了连接{0}")
        case .rsayNotHTTP: ("its answer is not HTTP",
                           "它的应答不是 HTTP 格式")
        case .rsayCutShort: ("its answer was cut short{0}",
                            "它的应答不完整（被截断）{0}")
        case .rsayBroke: ("the connection to {0} broke{1}",
                         "与 {0} 的连接断开了{1}")
        case .rsayNotThere: ("it is not there (404)",
                            "它不在那里（404）")
        case .rsayNoMessage: ("rclone failed without a message",
                             "rclone 出错了，但没有给出信息")
        case .rsayRclone: (" ({0})",
                          "（rclone：{0}）")
        case .sesTooLarge: ("the request is too large ({0} bytes; at most {1})",
                           "请求太大（{0} 字节；最多 {1} 字节）")
        case .sesTooManyFDs: ("the request carries too many descriptors",
                             "请求带的文件描述符太多")
        case .sesProtocol: ("the request is of protocol version {0}; this agent speaks {1}",
                           "请求的协议版本是 {0}；这个会话代理使用版本 {1}")
        case .sesMissingFDs: ("the request must carry stdin, stdout, stderr and the working directory",
                             "请求必须带上标准输入、标准输出、标准错误和工作目录")
        case .sesBusy: ("it is busy with {0} commands; try again",
                       "它正在运行 {0} 个命令；请稍后再试")
        case .sesCannotStart: ("cannot start the command (fork: {0})",
                              "无法启动命令（fork：{0}）")
        case .sesUnknownRequest: ("an unknown request ({0})",
                                 "无法识别的请求（{0}）")
        case .sesEndFailed: ("the agent failed (poll)",
                            "会话代理内部出错（poll）")
        case .sesNoSession: ("no session is open for the vault at {0}, and no --user was given", "{0} 的保险库没有打开的会话，也没有给出 --user")
        case .sesEnded: ("the session ended: {0}", "会话已结束：{0}")
        case .sesAgentGone: ("the session agent is not running any more (it was stopped or crashed); the session is over", "会话代理已不在运行（被停止或崩溃）；会话已结束")
        case .sesRefused: ("the session agent refused: {0}", "会话代理拒绝了：{0}")
        case .sesInsecureDirectory: ("refusing the session directory: {0}", "拒绝使用会话目录：{0}")
        case .sesOperatorChanged: ("the session is no longer valid: {0}", "会话已失效：{0}")
        case .sesRequestRefused: ("the session agent refused the request: {0}", "会话代理拒绝了这个请求：{0}")
        case .sesStartHint: ("start a session with `vaultcli unlock --user NAME`, or give --user NAME to this command (it asks for the password)",
                             "用 `vaultcli unlock --user NAME` 开始一个会话，或给这个命令加上 --user NAME（会询问密码）")
        case .sesRefusedHint: ("run `vaultcli lock`, then `vaultcli unlock --user NAME` with this vaultcli", "请运行 `vaultcli lock`，再用这个 vaultcli 运行 `vaultcli unlock --user NAME`")
        case .sesInsecureDirectoryHint: ("the directory must belong to you and have mode 0700; remove it and try again", "该目录必须属于您且权限为 0700；请删除它后再试")
        case .sesRequestRefusedHint: ("a session runs the commands its operator's role allows, as that operator; changing a password, one-time codes or recovery material, or acting as someone else, takes --user NAME (it asks for the password)",
                                      "会话以其操作员的身份、在其角色允许的范围内运行命令；修改密码、一次性验证码或恢复材料，或以别人的身份操作，需要 --user NAME（会询问密码）")

        // MARK: secrets typed or read
        case .promptPassword: ("Password: ", "密码：")
        case .promptPasswordFor: ("Password for {0}: ", "{0} 的密码：")
        case .promptNewPasswordFor: ("New password for {0}: ", "{0} 的新密码：")
        case .promptRepeat: ("Repeat {0}", "请再输一次 {0}")
        case .promptOneTimeCodeFor: ("One-time code for {0}: ", "{0} 的一次性验证码：")
        case .promptBackupPassphrase: ("Backup passphrase: ", "备份口令：")
        case .pwTooLong: ("the password from {0} is longer than 4096 bytes", "来自{0}的密码超过 4096 字节")
        case .pwNoneGiven: ("no password was given on {0}", "{0}没有给出密码")
        case .pwNoneGivenHint: ("pipe the password in, one line, e.g. from a file of mode 0600", "请通过管道输入密码（一行），例如来自权限为 0600 的文件")
        case .pwNoTerminal: ("no terminal to ask for the password", "没有终端可以询问密码")
        case .pwNoTerminalHint: ("use --password-stdin or --password-file PATH (mode 0600) when running without a terminal",
                                 "没有终端时，请用 --password-stdin 或 --password-file PATH（权限 0600）")
        case .pwNoTerminalSessionHint: ("in a session, run the command on a terminal, or give the new password with --new-password-file PATH (mode 0600), --generate or --generate-strong",
                                        "在会话中，请在终端上运行这个命令，或用 --new-password-file PATH（权限 0600）、--generate 或 --generate-strong 给出新密码")
        case .pwDiffer: ("the two passwords differ; nothing was changed", "两次输入的密码不一致；没有任何改动")
        case .pwDifferHint: ("try again", "请再试一次")
        case .pwDifferRetry: ("The two passwords differ. Try again ({0} more).", "两次输入的密码不一致。请再试（还有 {0} 次）。")
        case .pwPolicyRetry: ("That password does not meet the policy:", "这个密码不符合密码规则：")
        case .pwPolicyRetryFooter: ("Try another ({0} more); `vaultcli genpass` makes one that passes.", "请换一个（还有 {0} 次）；`vaultcli genpass` 可以生成符合规则的密码。")
        case .srcStandardInput: ("standard input", "标准输入")
        case .srcTheTerminal: ("the terminal", "终端")
        case .srcStdinCode: ("standard input (the line after the password: the one-time code)", "标准输入（密码的下一行：一次性验证码）")
        case .srcStdinNewPassword: ("standard input (second line: the new password)", "标准输入（第二行：新密码）")
        case .pwChooseOneSource: ("choose one of --password-stdin and --password-file", "--password-stdin 和 --password-file 只能选一个")
        case .sayWhoYouAre: ("say who you are with --user NAME (or set $VAULTCLI_USER)", "请用 --user NAME 说明您是谁（或设置 $VAULTCLI_USER）")
        case .passwordOptionsNeedUser: ("--password-stdin and --password-file need --user NAME", "--password-stdin 和 --password-file 需要配合 --user NAME")

        // MARK: login and expiry
        case .expiresInDay: ("the password of {0} expires in {1} day; change it with `vaultcli user passwd --user {0}`",
                             "{0} 的密码将在 {1} 天后过期；请用 `vaultcli user passwd --user {0}` 修改")
        case .expiresInDays: ("the password of {0} expires in {1} days; change it with `vaultcli user passwd --user {0}`",
                              "{0} 的密码将在 {1} 天后过期；请用 `vaultcli user passwd --user {0}` 修改")
        case .loggedInAs: ("Logged in as {0} ({1}).", "已登录：{0}（{1}）。")

        // MARK: init
        case .initCalibrating: ("calibrating the key derivation to about {0} ms...", "正在校准密钥派生，目标约 {0} ms……")
        case .initCreated: ("Created vault {0}", "已创建保险库 {0}")
        case .initVaultId: ("  vault id:    {0}", "  保险库 ID：    {0}")
        case .initTerminalId: ("  terminal id: {0}", "  终端号：       {0}")
        case .initAdmin: ("  admin:       {0}", "  管理员：       {0}")
        case .initKDF: ("  key derivation: {0}", "  密钥派生：     {0}")
        case .initNextSteps: ("Next steps:", "下一步：")
        case .initStep1: ("  1. An offline recovery key, kept off this terminal (it also opens every backup):",
                          "  1. 一把离线保存、不放在这台终端上的恢复密钥（它也能打开每一个备份）：")
        case .initStep2: ("  2. Recovery questions, for a forgotten password:", "  2. 密保问题，用于忘记密码时：")
        case .initStep3: ("  3. A nightly backup to a USB stick (docs/backup-guide.md has the timer):", "  3. 每晚备份到 U 盘（定时任务见 docs/backup-guide.md）：")
        case .initBindContact: ("  Bind your phone or e-mail so `vaultcli recover username` can find you: vaultcli user edit --user {0} (it asks for both)",
                                "  绑定手机或邮箱，这样 `vaultcli recover username` 能找到您：vaultcli user edit --user {0}（会询问这两项）")
        case .initKdfRange: ("--kdf-target-ms must be between 100 and 10000", "--kdf-target-ms 必须在 100 到 10000 之间")
        case .kitTitle: ("Recovery codes (each works once; they are shown only now):", "恢复码（每个只能用一次；只在此时显示）：")
        case .kitKeepOffline: ("Keep them offline: print them or write them down, and store them apart from this terminal.",
                               "请离线保存：打印或抄写下来，并与这台终端分开存放。")
        case .kitAnyOne: ("Any one of them opens the vault's data like an admin: `vaultcli recover password --user NAME --code`.",
                          "其中任何一个都能像管理员一样打开保险库的数据：`vaultcli recover password --user NAME --code`。")

        // MARK: tx
        case .txAdded: ("Added {0}: {1} {2} {3} by {4} at {5}", "已记录 {0}：{1} {2} {3}，操作员 {4}，时间 {5}")
        case .txCountOne: ("{0} transaction", "共 {0} 笔交易")
        case .txCountMany: ("{0} transactions", "共 {0} 笔交易")
        case .txYoursOnly: (" (yours only: a cashier sees their own)", "（只有您自己的：收银员只能看到自己的记录）")
        case .txChooseJsonOrCsv: ("choose one of --json and --csv", "--json 和 --csv 只能选一个")
        case .txLimitAtLeastOne: ("--limit must be at least 1", "--limit 至少为 1")
        case .colTime: ("TIME", "时间")
        case .colId: ("ID", "编号")
        case .colKind: ("KIND", "类型")
        case .colAmount: ("AMOUNT", "金额")
        case .colCurrency: ("CUR", "币种")
        case .colCard: ("CARD", "卡号")
        case .colOperator: ("OPERATOR", "操作员")
        case .colStatus: ("STATUS", "状态")
        case .colReference: ("REFERENCE", "参考号")

        // MARK: user
        case .userAdded: ("Added {0} {1}; the password must be changed at first login.", "已添加{0} {1}；首次登录时必须修改密码。")
        case .userTempPassword: ("Temporary password: {0}", "临时密码：{0}")
        case .userListHeaderName: ("NAME", "姓名")
        case .userListHeaderRole: ("ROLE", "角色")
        case .userListHeaderStatus: ("STATUS", "状态")
        case .userListHeaderPhone: ("PHONE", "手机")
        case .userListHeaderEmail: ("EMAIL", "邮箱")
        case .userUnlocked: ("{0} is unlocked.", "{0} 已解除锁定。")
        case .userDisabled: ("{0} is disabled; their password no longer opens the vault.", "{0} 已停用；其密码不再能打开保险库。")
        case .userRemoved: ("{0} was removed.", "{0} 已删除。")
        case .polNotText: ("it is not valid UTF-8 text, or it contains control characters",
                          "它不是有效的 UTF-8 文本，或含有控制字符")
        case .polTooShortOne: ("it is too short: {0} character, and at least {1} are needed",
                              "太短：只有 {0} 个字符，至少需要 {1} 个")
        case .polTooShortMany: ("it is too short: {0} characters, and at least {1} are needed",
                               "太短：只有 {0} 个字符，至少需要 {1} 个")
        case .polTooLong: ("it is too long: {0} characters, and at most {1} are allowed",
                          "太长：有 {0} 个字符，最多允许 {1} 个")
        case .polNeeds: ("it needs {0}",
                        "还需要{0}")
        case .clsLetter: ("a letter",
                         "字母")
        case .clsDigit: ("a digit",
                        "数字")
        case .clsSymbol: ("a symbol (such as ! # % or -)",
                         "符号（例如 ! # % 或 -）")
        case .clsUppercase: ("an uppercase letter",
                            "大写字母")
        case .clsLowercase: ("a lowercase letter",
                            "小写字母")
        case .polCommon: ("it is a commonly used password, or one with only small changes (capitals, digits or symbols added at the ends, @ for a, 0 for o and the like)",
                         "这是常用密码，或只是稍加改动的常用密码（首尾加大写、数字或符号，用 @ 代替 a、0 代替 o 之类）")
        case .polPersonal: ("it contains {0}",
                           "含有{0}")
        case .pdUsername: ("your user name",
                          "您的用户名")
        case .pdPhone: ("your phone number",
                       "您的手机号")
        case .pdPhoneDigits: ("digits of your phone number (4 to 8 of its last digits)",
                             "您手机号的数字（末尾的 4 到 8 位）")
        case .pdEmailName: ("the name part of your email address",
                           "您邮箱地址 @ 前面的部分")
        case .pdBirthday: ("your birthday",
                          "您的生日")
        case .pdName: ("a name linked to you",
                      "与您有关的名字")
        case .pdTerminalId: ("the terminal's id",
                            "终端号")
        case .pdMerchantName: ("the shop's (merchant's) name",
                              "店铺（商户）名称")
        case .polDate: ("it contains a date or a year (like 19900101, 900101, 0101 or 1990)",
                       "含有日期或年份（例如 19900101、900101、0101 或 1990）")
        case .polRepeats: ("it repeats a character or a short group of characters (like aaaa or 121212)",
                          "重复同一个字符或一小组字符（例如 aaaa 或 121212）")
        case .polSequence: ("it contains a sequence (like 1234, 4321 or abcd)",
                           "含有连续序列（例如 1234、4321 或 abcd）")
        case .polKeyboard: ("it contains a keyboard pattern (like qwerty, asdf, zxcv or 1qaz)",
                           "含有键盘上的连续按键（例如 qwerty、asdf、zxcv 或 1qaz）")
        case .polGuessable: ("it is too easy to guess: its strength score is {0} of 4, and at least {1} is needed",
                            "太容易猜到：强度评分 {0}（满分 4），至少需要 {1}")
        case .polChinese: ("it is built from what Chinese passwords often use, which attackers try first: {0}",
                          "由中文密码常用的内容组成，攻击者会最先尝试：{0}")
        case .habitName: ("a Chinese name in pinyin (like zhangwei, wangfang or lixm)",
                         "拼音的中文姓名（例如 zhangwei、wangfang 或 lixm）")
        case .habitWord: ("a common Chinese password word in pinyin (like woaini, laopo or baobei)",
                         "常见的拼音密码词（例如 woaini、laopo 或 baobei）")
        case .habitNumber: ("a lucky number or love number (like 5201314, 1314, 520, 888 or 168)",
                           "吉利数字或表白数字（例如 5201314、1314、520、888 或 168）")
        case .habitPlace: ("a Chinese city or province in pinyin (like beijing or shenzhen)",
                          "拼音的中国城市或省份（例如 beijing 或 shenzhen）")
        case .habitBrand: ("a payment, bank or shop brand (like Lakala, UnionPay, yinlian, Alipay, zhifubao, WeChat or weixin)",
                          "支付、银行或商店品牌（例如 Lakala、UnionPay、yinlian、Alipay、zhifubao、WeChat 或 weixin）")
        case .habitHotline: ("a payment or bank service hotline (like 95016 or 95516)",
                            "支付或银行客服热线（例如 95016 或 95516）")
        case .listTwo: ("{0} and {1}",
                       "{0}和{1}")
        case .listSeparator: (", ",
                             "、")
        case .promptPasswordToCheck: ("Password to check: ",
                                     "要检查的密码：")
        case .cpBrokeOne: ("the password breaks the policy ({0} rule)",
                          "密码不符合密码规则（{0} 条）")
        case .cpBrokeMany: ("the password breaks the policy ({0} rules)",
                           "密码不符合密码规则（{0} 条）")
        case .cpBrokeHint: ("choose another, or let `vaultcli genpass` make one",
                           "请换一个，或让 `vaultcli genpass` 生成一个")
        case .cpAccepted: ("policy: accepted",
                          "密码规则：通过")
        case .cpRejectedOne: ("policy: rejected, {0} rule broken:",
                             "密码规则：未通过，违反 {0} 条：")
        case .cpRejectedMany: ("policy: rejected, {0} rules broken:",
                              "密码规则：未通过，违反 {0} 条：")
        case .stDiscussion: ("Exit status 0: nothing needs attention; 1: something does (each such line starts with \"!\"), so a timer can raise an alarm. Counts cover the last 7 days. Set the limits with `vaultcli policy set backup-max-age-days N` (default 1) and `vaultcli policy set business-hours 08:00-22:00` (local time; default off).",
                            "退出状态 0：没有需要关注的事；1：有（每条这样的行以“!”开头），这样定时任务可以报警。统计范围是最近 7 天。限值用 `vaultcli policy set backup-max-age-days N`（默认 1）和 `vaultcli policy set business-hours 08:00-22:00`（本地时间；默认关闭）设置。")
        case .stMinAgo: ("{0} min ago",
                        "{0} 分钟前")
        case .stHoursAgo: ("{0} h ago",
                          "{0} 小时前")
        case .stDaysAgo: ("{0} days ago",
                         "{0} 天前")
        case .stPasswords: ("Passwords",
                           "密码")
        case .stPasswordsNone: ("  none expired or due within the warning period",
                               "  没有已过期或在提醒期内到期的密码")
        case .stExpiredOn: ("expired on {0}",
                           "已于 {0} 过期")
        case .stExpiresInOne: ("expires in {0} day ({1})",
                              "{0} 天后过期（{1}）")
        case .stExpiresInMany: ("expires in {0} days ({1})",
                               "{0} 天后过期（{1}）")
        case .stBackup: ("Backup",
                        "备份")
        case .stLastGood: ("last good backup {0} ({1}) to {2}",
                          "最近一次成功备份：{0}（{1}），备份到 {2}")
        case .stOverdueOne: ("; overdue (more than {0} day)",
                            "；已超期（超过 {0} 天）")
        case .stOverdueMany: ("; overdue (more than {0} days)",
                             "；已超期（超过 {0} 天）")
        case .stNoBackup: ("no backup yet: run `vaultcli backup --to DIR` (see docs/backup-guide.md for the nightly timer)",
                          "还没有备份：请运行 `vaultcli backup --to DIR`（每晚定时备份见 docs/backup-guide.md）")
        case .stBackupFailedAfter: ("  a backup failed after it: {0} to {1}",
                                   "  之后有一次备份失败：{0}，备份到 {1}")
        case .stFailedLogins: ("Failed logins, last {0} days",
                              "登录失败，最近 {0} 天")
        case .stNone: ("  none",
                      "  无")
        case .stFailedCount: ("{0} failed",
                             "失败 {0} 次")
        case .stLockoutsOne: (", {0} lockout",
                             "，锁定 {0} 次")
        case .stLockoutsMany: (", {0} lockouts",
                              "，锁定 {0} 次")
        case .stOffHours: ("Logins outside business hours ({0}), last {1} days",
                          "营业时间（{0}）以外的登录，最近 {1} 天")
        case .stOffHoursNotChecked: ("  not checked: set them with `vaultcli policy set business-hours 08:00-22:00`",
                                    "  未检查：请用 `vaultcli policy set business-hours 08:00-22:00` 设置营业时间")
        case .stRecoveryCodes: ("Recovery codes",
                               "恢复码")
        case .stCodesLeft: ("{0} left",
                           "剩余 {0} 个")
        case .stCodesLow: (": make new ones with `vaultcli recover codes --regenerate`",
                          "：请用 `vaultcli recover codes --regenerate` 生成新的")
        case .atPasswordsExpiredOne: ("{0} password expired",
                                     "{0} 个密码已过期")
        case .atPasswordsExpiredMany: ("{0} passwords expired",
                                      "{0} 个密码已过期")
        case .atPasswordsDueOne: ("{0} password expire soon",
                                 "{0} 个密码即将过期")
        case .atPasswordsDueMany: ("{0} passwords expire soon",
                                  "{0} 个密码即将过期")
        case .atNoBackup: ("no backup yet",
                          "还没有备份")
        case .atBackupOverdueOne: ("last backup {0} day ago",
                                  "最近一次备份在 {0} 天前")
        case .atBackupOverdueMany: ("last backup {0} days ago",
                                   "最近一次备份在 {0} 天前")
        case .atLockouts: ("{0} locked out {1}×",
                          "{0} 被锁定 {1} 次")
        case .atRepeatedFailures: ("{0} failed logins for {1}",
                                  "{1} 登录失败 {0} 次")
        case .atOffHoursOne: ("{0} login outside business hours",
                             "营业时间以外登录 {0} 次")
        case .atOffHoursMany: ("{0} logins outside business hours",
                              "营业时间以外登录 {0} 次")
        case .atCodesLeftOne: ("{0} recovery code left",
                              "只剩 {0} 个恢复码")
        case .atCodesLeftMany: ("{0} recovery codes left",
                               "只剩 {0} 个恢复码")
        case .atLine: ("attention: {0} (see `vaultcli status`)",
                      "请注意：{0}（详见 `vaultcli status`）")
        case .atSeparator: ("; ",
                           "；")
        case .enAmount: ("invalid amount \"{0}\": {1}",
                        "金额“{0}”无效：{1}")
        case .enAmountEmpty: ("it is empty",
                             "是空的")
        case .enAmountNegative: ("amounts are never negative; record a refund with --kind refund",
                                "金额不能为负数；退款请用 --kind refund 记录")
        case .enAmountTooLarge: ("too large",
                                "太大")
        case .enAmountPlacesOne: ("{0} has {1} decimal place",
                                 "{0} 只有 {1} 位小数")
        case .enAmountPlacesMany: ("{0} has {1} decimal places",
                                  "{0} 只有 {1} 位小数")
        case .enAmountPoint: ("a decimal point must be followed by digits",
                             "小数点后面必须有数字")
        case .enAmountPlain: ("use digits and at most one decimal point, e.g. 12.34",
                             "请只用数字和最多一个小数点，例如 12.34")
        case .enAmountMax: ("larger than the maximum of {0}",
                           "超过了最大值 {0}")
        case .enCurrency: ("unknown currency \"{0}\": use an ISO 4217 code such as CNY, USD, EUR, HKD, JPY or KWD",
                          "不认识的币种“{0}”：请用 ISO 4217 代码，例如 CNY、USD、EUR、HKD、JPY 或 KWD")
        case .enKind: ("unknown kind \"{0}\"",
                      "不认识的交易类型“{0}”")
        case .enKindHint: ("use sale, refund or void",
                          "请用 sale（消费）、refund（退款）或 void（撤销）")
        case .enStatus: ("unknown status \"{0}\"",
                        "不认识的状态“{0}”")
        case .enStatusHint: ("use approved, declined, pending or reversed",
                            "请用 approved（成功）、declined（拒绝）、pending（处理中）或 reversed（已冲正）")
        case .enTime: ("invalid time \"{0}\": use ISO 8601, e.g. 2026-11-22T10:15:00Z, 2026-11-22T18:15:00+08:00 or 2026-11-22",
                      "时间“{0}”无效：请用 ISO 8601 格式，例如 2026-11-22T10:15:00Z、2026-11-22T18:15:00+08:00 或 2026-11-22")
        case .enCardCharacters: ("the card number given may contain only digits and mask characters (* or X)",
                                "卡号只能包含数字和掩码字符（* 或 X）")
        case .enCardCharactersHint: ("give a masked card number, e.g. 622588******1234",
                                    "请给出掩码后的卡号，例如 622588******1234")
        case .enCardNotMasked: ("the card number given is not masked",
                               "给出的卡号没有掩码")
        case .enCardFirst6Last4: ("the card number given shows more than the first 6 and last 4 digits",
                                 "给出的卡号显示了前 6 位和后 4 位以外的数字")
        case .enCardLast4: ("the card number given shows more than the last 4 digits",
                           "给出的卡号显示了后 4 位以外的数字")
        case .enCardPositions: ("the card number given has {0} positions; a card number has 12 to 19",
                               "给出的卡号有 {0} 位；卡号应为 12 到 19 位")
        case .enCardHint: ("at most the first 6 and the last 4 digits may be visible, e.g. 622588******1234 or ****1234",
                          "最多只能显示前 6 位和后 4 位，例如 622588******1234 或 ****1234")
        case .recFullCard: ("a full card number ({0} digits that pass the Luhn check, {1}) is in the {2}; it was refused and nothing was written",
                           "{2}中有完整的卡号（{0} 位，通过 Luhn 校验，{1}）；已拒绝，没有写入任何内容")
        case .recFullCardHint1: ("vaultcli keeps masked card numbers only: at most the first 6 and last 4 digits, e.g. 622588******1234",
                                "vaultcli 只保存掩码后的卡号：最多显示前 6 位和后 4 位，例如 622588******1234")
        case .recFullCardHint2: ("if this is not a card number, write it with other separators (e.g. letters or '/') so it does not read as one",
                                "如果这不是卡号，请换用其他分隔符（例如字母或“/”），免得被当成卡号")
        case .recImportRefused: ("{0} bad rows: {1} batches were refused whole; {2} records from good batches were imported",
                                "{0} 行有错：{1} 批被整批拒绝；正确批次中的 {2} 条记录已导入")
        case .recImportRefusedHint: ("fix the rows listed above and run the same import again: records already imported are recognised by id and skipped",
                                    "请修改上面列出的行，再运行同样的导入：已导入的记录会按编号识别并跳过")
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
        case .unDiscussion: ("The unwrapped keys are held by a small agent process in locked memory (never on disk). It never hands them out: later tx and account commands of the same user are run by the agent, as this operator and within this operator's role. The session ends after 15 minutes without use (PCI DSS 8.2.8), after 8 hours in all, or at once with `vaultcli lock`. Unlocking again replaces the session.",
                            "解开的密钥由一个小的代理进程保存在锁定内存中（从不写到磁盘）。它从不把密钥交出去：同一用户之后的 tx 和 account 命令由代理以这个操作员的身份、在其角色范围内运行。会话在 15 分钟无操作后结束（PCI DSS 8.2.8），最长 8 小时，或用 `vaultcli lock` 立即结束。再次解锁会替换当前会话。")
        case .unUserHelp: ("The operator.",
                          "操作员。")
        case .unIdleHelp: ("End the session after this many seconds without use (at most 900).",
                          "无操作这么多秒后结束会话（最多 900）。")
        case .unLifetimeHelp: ("End the session after this many seconds in all (at most 28800).",
                              "总共这么多秒后结束会话（最多 28800）。")
        case .unIdleRange: ("--idle-timeout must be 1 to {0} seconds (PCI DSS 8.2.8: at most 15 minutes)",
                           "--idle-timeout 必须是 1 到 {0} 秒（PCI DSS 8.2.8：最多 15 分钟）")
        case .unLifetimeRange: ("--max-lifetime must be 1 to {0} seconds (8 hours)",
                               "--max-lifetime 必须是 1 到 {0} 秒（8 小时）")
        case .unMinutes: ("{0} min",
                         "{0} 分钟")
        case .unSeconds: ("{0} s",
                         "{0} 秒")
        case .unHours: ("{0} h",
                       "{0} 小时")
        case .unUnlocked: ("Unlocked as {0} ({1}). The session ends after {2} idle or {3} in all; `vaultcli lock` ends it now.",
                          "已解锁：{0}（{1}）。会话在无操作 {2} 后或总共 {3} 后结束；`vaultcli lock` 可以立即结束。")
        case .unLocked: ("Locked: the session for {0} has ended.",
                        "已锁定：{0} 的会话已结束。")
        case .unNoSession: ("No session was open for {0}.",
                           "{0} 没有打开的会话。")
        case .unAgentDirect: ("`vaultcli agent` is started by `vaultcli unlock`",
                             "`vaultcli agent` 由 `vaultcli unlock` 启动")
        case .unAgentDirectHint: ("run `vaultcli unlock --user NAME`",
                                 "请运行 `vaultcli unlock --user NAME`")
        case .hInitAdmin: ("The first admin's operator name.",
                          "第一位管理员的操作员名。")
        case .hInitTerminal: ("This terminal's id (1-16 ASCII letters, digits, - _ .). Default: the host name.",
                             "这台终端的终端号（1 到 16 个 ASCII 字母、数字、- _ .）。默认：主机名。")
        case .hInitKdf: ("Calibrate Argon2id to take about this many milliseconds (never below m=19 MiB, t=2).",
                        "把 Argon2id 校准到大约这么多毫秒（绝不低于 m=19 MiB，t=2）。")
        case .hInitPhone: ("The admin's phone: E.164 (+8613812345678) or an 11-digit mainland China mobile number (`recover username` finds her by it; shown by `ps`, see above).",
                          "管理员的手机号：E.164 格式（+8613812345678）或 11 位中国大陆手机号（`recover username` 靠它找到她；会被 `ps` 看到，见上文）。")
        case .hInitEmail: ("The admin's e-mail address (`recover username` finds her by it; shown by `ps`, see above).",
                          "管理员的邮箱地址（`recover username` 靠它找到她；会被 `ps` 看到，见上文）。")
        case .hSince: ("From this date or time on (ISO 8601; a date, or a time without a zone, is on the local calendar, or UTC with --utc).",
                      "从这个日期或时间起（ISO 8601；日期或不带时区的时间按本地日历，用 --utc 时按 UTC）。")
        case .hUntil: ("Up to this time, or to the end of this date (inclusive).",
                      "到这个时间为止，或到这一天结束（含）。")
        case .hOperatorFilter: ("Only this operator's records.",
                               "只看这个操作员的记录。")
        case .hKindFilter: ("Only this kind: sale, refund or void (repeatable).",
                           "只看这种类型：sale、refund 或 void（可重复）。")
        case .hStatusFilter: ("Only this status: approved, declined, pending or reversed (repeatable).",
                             "只看这种状态：approved、declined、pending 或 reversed（可重复）。")
        case .hCurrencyFilter: ("Only this currency (ISO 4217).",
                               "只看这种币种（ISO 4217）。")
        case .hMin: ("Only amounts of at least this much (a decimal, in each record's currency).",
                    "只看不少于这个金额的记录（小数，按各条记录自己的币种）。")
        case .hMax: ("Only amounts of at most this much.",
                    "只看不超过这个金额的记录。")
        case .hAmount: ("The amount as a decimal, e.g. 12.34 (never negative).",
                       "金额，小数形式，例如 12.34（不能为负）。")
        case .hCurrency: ("ISO 4217 currency.",
                         "ISO 4217 币种。")
        case .hKind: ("sale, refund or void.",
                     "sale（消费）、refund（退款）或 void（撤销）。")
        case .hCard: ("The masked card number, e.g. 622588******1234.",
                     "掩码后的卡号，例如 622588******1234。")
        case .hReference: ("The payment reference (e.g. the acquirer's).",
                          "支付参考号（例如收单机构的）。")
        case .hStatus: ("approved, declined, pending or reversed.",
                       "approved（成功）、declined（拒绝）、pending（处理中）或 reversed（已冲正）。")
        case .hTime: ("When it happened (ISO 8601). Default: now.",
                     "发生时间（ISO 8601）。默认：现在。")
        case .hTerminal: ("The terminal id. Default: the vault's.",
                         "终端号。默认：保险库的终端号。")
        case .hLimit: ("Stop after this many records.",
                      "最多列出这么多条记录。")
        case .hJSONArray: ("Print one JSON array.",
                          "输出一个 JSON 数组。")
        case .hCSV: ("Print CSV (the import format).",
                    "输出 CSV（导入用的格式）。")
        case .hBackupTo: ("An existing directory (the USB stick), a file named *.age, - for stdout, or rclone:REMOTE:PATH (an enrolled fleet terminal).",
                         "一个已有的目录（U 盘）、一个名为 *.age 的文件、- 表示标准输出，或 rclone:REMOTE:PATH（已登记的连锁终端）。")
        case .hBackupOutput: ("Write the backup to exactly this file.",
                             "把备份写到这个文件。")
        case .hRequireMount: ("Refuse a --to directory that is not a mount point, or that is on the same device as the vault (an unplugged stick's empty mount point).",
                             "拒绝不是挂载点、或与保险库在同一设备上的 --to 目录（U 盘没插时的空挂载点）。")
        case .hRecipient: ("An age recipient (age1...); repeatable.",
                          "一个 age 接收者（age1...）；可重复。")
        case .hRecipientsFile: ("A file of age1... recipients, one a line; repeatable.",
                               "一个 age1... 接收者文件，每行一个；可重复。")
        case .hPassphrase: ("Seal with a passphrase (asked twice on the terminal, or --password-stdin / --password-file). It cannot be combined with recipients.",
                           "用口令加密（在终端上问两次，或用 --password-stdin / --password-file）。不能与接收者同时使用。")
        case .hArmor: ("Write ASCII armor instead of binary.",
                      "写成 ASCII 封装格式，而不是二进制。")
        case .hKeep: ("Keep only the newest N backups of this vault in DIR: files whose authenticated marker names this vault (never by file name alone).",
                     "在 DIR 中只保留本保险库最新的 N 个备份：只认带有本保险库认证标记的文件（绝不只看文件名）。")
        case .hBackupFileOrStdin: ("The backup file, or - for stdin.",
                                  "备份文件，或用 - 表示标准输入。")
        case .hDirectory: ("The directory.",
                          "目录。")
        case .hRestoreFile: ("The backup file, - for stdin, or rclone:REMOTE:PATH of a fleet backup.",
                            "备份文件、- 表示标准输入，或连锁备份的 rclone:REMOTE:PATH。")
        case .hRoster: ("With rclone:...: head office's roster; the backup's signed manifest must verify under the terminal's key in it.",
                       "配合 rclone:...：总部的终端名册；备份的签名清单必须能用名册中该终端的密钥验证。")
        case .hForce: ("Replace an existing vault with a backup of the same vault (it is moved aside, never deleted).",
                      "用同一保险库的备份替换现有保险库（现有的会被移到一旁，不会删除）。")
        case .hReplaceVault: ("Replace an existing vault even with a backup of another vault, or a file that cannot be identified (moved aside, never deleted).",
                             "即使备份来自另一个保险库、或现有文件无法识别，也替换它（移到一旁，不会删除）。")
        case .hIdentity: ("An identity file (AGE-SECRET-KEY-1...); repeatable.",
                         "一个身份文件（AGE-SECRET-KEY-1...）；可重复。")
        case .hBackupPassphrase: ("The backup was made with a passphrase: ask for it (or read it with --password-stdin / --password-file).",
                                 "备份是用口令加密的：询问口令（或用 --password-stdin / --password-file 读取）。")
        case .hNewName: ("The new operator's name.",
                        "新操作员的名字。")
        case .hRole: ("admin, manager or cashier.",
                     "admin（管理员）、manager（店长）或 cashier（收银员）。")
        case .hBoundPhone: ("Bound phone: E.164 (+8613812345678) or an 11-digit mainland China mobile number (shown by `ps`; see above).",
                           "绑定的手机号：E.164 格式（+8613812345678）或 11 位中国大陆手机号（会被 `ps` 看到；见上文）。")
        case .hBoundEmail: ("Bound e-mail address (shown by `ps`; see above).",
                           "绑定的邮箱地址（会被 `ps` 看到；见上文）。")
        case .hOperatorNameDefault: ("The operator's name (default: yourself).",
                                    "操作员的名字（默认：您自己）。")
        case .hOperatorDefault: ("The operator (default: yourself).",
                                "操作员（默认：您自己）。")
        case .hOperator: ("The operator.",
                         "操作员。")
        case .hClearPhone: ("Remove the bound phone.",
                           "解除绑定的手机号。")
        case .hClearEmail: ("Remove the bound e-mail.",
                           "解除绑定的邮箱。")
        case .hTotpAlgorithm: ("The HMAC of the codes: sha1 (every app; the default), sha256 or sha512 (some apps ignore these and show wrong codes).",
                              "验证码用的 HMAC：sha1（所有应用都支持；默认）、sha256 或 sha512（有些应用会忽略它们而显示错误的验证码）。")
        case .hQRForce: ("Draw the QR code even when the output is not a terminal.",
                        "即使输出不是终端也画出二维码。")
        case .hQRInvert: ("Draw the QR code dark-on-light, for terminals with a light background.",
                         "画成浅底深色的二维码，适合浅色背景的终端。")
        case .hQRPNG: ("Also write the QR code as a PNG image to this new file (mode 0600).",
                      "同时把二维码写成 PNG 图片，存到这个新文件（权限 0600）。")
        case .hNewPasswordFile: ("Read the new password from a file of mode 0600.",
                                "从权限为 0600 的文件读取新密码。")
        case .hGenerate: ("Generate a temporary password and print it once on stdout: for a cashier four words and a digit (easy to read out and type), for managers and admins a strong random one.",
                         "生成一个临时密码并在标准输出上打印一次：收银员是四个单词加一个数字（便于念出和输入），店长和管理员是一个强随机密码。")
        case .hGenerateStrong: ("Generate a strong random temporary password whatever the role.",
                               "不论角色，都生成一个强随机临时密码。")
        case .hFromJSON: ("Read the fields from a JSON object in this file, or `-` for standard input, instead of flags that `ps` and shell history would show.",
                         "从这个文件里的 JSON 对象（或用 `-` 表示标准输入）读取字段，而不用会被 `ps` 和命令历史看到的选项。")
        case .dTradeOff: ("Personal data (user names, phone numbers, e-mail addresses; personal information under China's PIPL) given as flags is convenient but visible: any local user sees it in `ps` while the command runs, and the shell keeps it in its history. To keep it off the command line, leave the flags out and answer the prompts on a terminal, or put it in a JSON object read with `--from-json FILE` or `--from-json -` (standard input), as scripts should.",
                         "用选项给出个人信息（用户名、手机号、邮箱地址；属于《个人信息保护法》所说的个人信息）很方便，但会被看到：命令运行时本机任何用户都能在 `ps` 里看到，shell 也会把它记入历史。要让它不出现在命令行上，请不写这些选项、在终端上回答提示，或像脚本那样把它放进 JSON 对象，用 `--from-json FILE` 或 `--from-json -`（标准输入）读取。")
        case .dHerePhoneEmailJSON: (" Here that is --phone and --email (JSON keys \"phone\", \"email\"); on a terminal, those left out are asked for (Enter leaves one unbound).",
                                   "这里指 --phone 和 --email（JSON 键 \"phone\"、\"email\"）；在终端上，没给的会逐项询问（直接回车表示不绑定）。")
        case .dHereRecoverUsername: (" Here that is --phone and --email; on a terminal, with neither given, the phone (or the e-mail) is asked for.",
                                    "这里指 --phone 和 --email；在终端上两个都没给时，会询问手机号（或邮箱）。")
        case .dHereUserEdit: (" Here that is --phone and --email (JSON keys \"phone\", \"email\"; \"\" clears one); on a terminal, with none of --phone, --email, --clear-phone, --clear-email or --from-json, both are asked for (Enter keeps one, - clears it).",
                             "这里指 --phone 和 --email（JSON 键 \"phone\"、\"email\"；\"\" 表示清除）；在终端上，如果 --phone、--email、--clear-phone、--clear-email、--from-json 都没给，会询问这两项（直接回车保持不变，- 表示清除）。")
        case .dInit: ("The admin's password is asked twice on the terminal without echo, or read from --password-stdin or --password-file. An existing vault is never overwritten. ",
                     "管理员的密码在终端上不回显地问两次，或从 --password-stdin 或 --password-file 读取。已有的保险库绝不会被覆盖。")
        case .dRecoverUsername: ("Proof is the recovery questions of the operator the phone or e-mail belongs to, or a recovery code (--code). Before proof, every phone or address gets the same prompts and the same answer, so nothing tells whether it is bound.\n\n",
                                "证明身份的方式是该手机号或邮箱所属操作员的密保问题，或一个恢复码（--code）。证明之前，任何手机号或地址得到的提示和回答都一样，所以看不出它是否被绑定。\n\n")
        case .dUserEdit: ("`vaultcli recover username --phone` and `--email` find operators by these. The change is audited (which fields, not their values). ",
                         "`vaultcli recover username --phone` 和 `--email` 靠这些找到操作员。修改会记入审计日志（记录改了哪些字段，不记录值）。")
        case .hUserEditAbstract: ("Bind or clear an operator's phone and e-mail (admins: anyone, themselves included; managers: cashiers).",
                                 "绑定或清除操作员的手机号和邮箱（管理员：任何人，包括自己；店长：收银员）。")
        case .dTxAdd: ("The operator is the one acting; the terminal defaults to the vault's terminal id; the id is generated.",
                      "操作员就是执行命令的人；终端默认为保险库的终端号；编号自动生成。")
        case .dLogin: ("Exit status 0: the password is right; 5: wrong user name or password; 12: locked, disabled, or the password must be changed first.",
                      "退出状态 0：密码正确；5：用户名或密码错误；12：已锁定、已停用，或必须先修改密码。")
        case .dTx: ("Amounts are exact decimals in the currency's minor units (CNY 12.34 is stored as 1234), never floating point. Cards are masked PANs only (at most the first 6 and last 4 digits); a full card number anywhere is refused. A cashier adds records and sees their own; managers and admins see, export and summarise all.",
                   "金额是以币种最小单位保存的精确小数（CNY 12.34 存为 1234），从不用浮点数。卡号只保存掩码后的形式（最多前 6 位和后 4 位）；任何地方出现完整卡号都会被拒绝。收银员记录交易并只看自己的；店长和管理员可以查看、导出和汇总全部。")
        case .dBackupCreate: ("A DIR gets vaultcli-<terminal>-<yyyyMMddTHHmmssZ>.age. The file is written next to its final name, synced, read back from the device and compared, and only then renamed into place. --to names a directory that must exist (a missing one is exit 9: the USB stick is not there); a single file is --to NAME.age or -o FILE. With --require-mount (as the shipped timer uses) the directory must be a mount point on another device than the vault's, so an empty mount point never sends the backup to the internal disk. Examples:\n  vaultcli backup --to /media/usb --keep 14 --require-mount\n  vaultcli backup --to - | rclone rcat remote:bucket/shop-17/$(date -u +%Y%m%dT%H%M%SZ).age\nA chain's terminal enrolled with `vaultcli fleet enrol` uploads through rclone with --to rclone:REMOTE:PATH: the backup, sealed to head office, goes to vaultcli/v1/t/<terminal>/<time>-<seq>.age, is read back and compared, and only then gets its signed manifest (docs/fleet.md).",
                             "DIR 中会生成 vaultcli-<terminal>-<yyyyMMddTHHmmssZ>.age。文件先写在最终文件名旁边，同步写入，从设备读回比对，然后才改名就位。--to 指向的目录必须存在（不存在时退出状态为 9：U 盘不在）；要写成单个文件，用 --to NAME.age 或 -o FILE。加上 --require-mount（随附的定时任务就这样用）时，该目录必须是与保险库不同设备上的挂载点，这样空的挂载点绝不会把备份写到内置磁盘上。例如：\n  vaultcli backup --to /media/usb --keep 14 --require-mount\n  vaultcli backup --to - | rclone rcat remote:bucket/shop-17/$(date -u +%Y%m%dT%H%M%SZ).age\n用 `vaultcli fleet enrol` 登记过的连锁终端，用 --to rclone:REMOTE:PATH 通过 rclone 上传：备份加密给总部，存到 vaultcli/v1/t/<terminal>/<time>-<seq>.age，读回比对后，才写上签名清单（docs/fleet.md）。")
        case .dRestore: ("Everything is decrypted and checked before the restored vault takes the place of anything: a truncated or tampered backup leaves nothing behind. An existing vault is refused unless --force (a backup of the same vault: same vault id and terminal id) or --replace-vault (a backup of another vault, or a file that is no vault); either first moves it to <vault>.before-restore-<UTC time>, never deleted. A fleet backup is read straight from the object store with rclone:REMOTE:PATH/vaultcli/v1/t/<terminal>/<name>.age and head office's identity (a 0600 file); with --roster its signed manifest is checked too, and the restored device takes over the terminal id and continues its seq.",
                        "全部解密并检查完之后，恢复的保险库才会替换任何东西：被截断或篡改的备份不会留下任何东西。已有的保险库会被拒绝，除非加 --force（同一保险库的备份：保险库 ID 和终端号都相同）或 --replace-vault（另一个保险库的备份，或原来的文件不是保险库）；两者都会先把它移到 <vault>.before-restore-<UTC 时间>，不会删除。连锁备份用 rclone:REMOTE:PATH/vaultcli/v1/t/<terminal>/<name>.age 和总部的身份文件（0600）直接从对象存储读取；加 --roster 时还会检查其签名清单，恢复后的设备接替该终端号并延续其序号。")
        case .dUser: ("--user NAME (or $VAULTCLI_USER) is the operator running the command; their password comes from the terminal, --password-stdin (first line) or --password-file. A new password for another operator comes from --new-password-file, the next stdin line, a terminal prompt asked twice, or --generate.",
                     "--user NAME（或 $VAULTCLI_USER）是运行命令的操作员；其密码来自终端、--password-stdin（第一行）或 --password-file。给其他操作员的新密码来自 --new-password-file、标准输入的下一行、在终端上问两次，或 --generate。")
        case .hUserList: ("List operators (managers and admins).",
                         "列出操作员（店长和管理员）。")
        case .hUserShow: ("Show one operator (yourself, or anyone for managers and admins).",
                         "查看一个操作员（自己；店长和管理员可以看任何人）。")
        case .hUserPasswd: ("Change your password, or reset another operator's (admins: anyone; managers: cashiers).",
                           "修改自己的密码，或重置其他操作员的密码（管理员：任何人；店长：收银员）。")
        case .dUserPasswd: ("With --password-stdin, the first line is your current password and the second the new one.",
                           "用 --password-stdin 时，第一行是您当前的密码，第二行是新密码。")
        case .hUserRole: ("Change an operator's role (admins). The operator gets a temporary password, since their keyslot is re-issued with the new role's keys.",
                         "更改操作员的角色（管理员）。该操作员会得到一个临时密码，因为其密钥槽要用新角色的密钥重新签发。")
        case .hUserDisable: ("Disable an operator (admins: anyone; managers: cashiers).",
                            "停用操作员（管理员：任何人；店长：收银员）。")
        case .dUserDisable: ("Their password slot, recovery questions and key envelope are erased from the vault file: their password opens nothing afterwards. `vaultcli user enable NAME` gives them a new temporary password. Disabling does not replace keys they have seen; `vaultcli user remove` or `vaultcli rekey` does.",
                            "其密码槽、密保问题和密钥信封会从保险库文件中擦除：之后其密码什么也打不开。`vaultcli user enable NAME` 会给其一个新的临时密码。停用不会更换其见过的密钥；`vaultcli user remove` 或 `vaultcli rekey` 才会。")
        case .hUserEnable: ("Enable a disabled operator, with a new temporary password (admins: anyone; managers: cashiers).",
                           "用新的临时密码启用已停用的操作员（管理员：任何人；店长：收银员）。")
        case .dUserEnable: ("The temporary password comes from --new-password-file, the next stdin line, a terminal prompt asked twice, or --generate; it must be changed at first login.",
                           "临时密码来自 --new-password-file、标准输入的下一行、在终端上问两次，或 --generate；首次登录时必须修改。")
        case .hUserRemove: ("Remove an operator and their keyslot (admins).",
                           "删除操作员及其密钥槽（管理员）。")
        case .editNothingTyped: ("nothing to change was typed; nothing was changed",
                                "没有输入要修改的内容；没有任何改动")
        case .editNothingTypedHint: ("type a new phone or e-mail, or - to clear one",
                                    "请输入新的手机号或邮箱，或输入 - 清除")
        case .hUserUnlock: ("Clear an operator's failed-login count and lock (admins and managers).",
                           "清除操作员的登录失败计数并解除锁定（管理员和店长）。")
        case .hUserTotp: ("One-time codes (TOTP, RFC 6238) as a second factor at login.",
                         "登录时用一次性验证码（TOTP，RFC 6238）作为第二重验证。")
        case .dUserTotp: ("`enable` shows a new secret as a QR code for an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP, oathtool …); `confirm` turns it on with a code from the app; `disable` turns it off. Codes are 6 digits every 30 s, with HMAC-SHA-1 by default as every app expects.",
                         "`enable` 把新密钥显示成二维码，供验证器应用扫描（Google Authenticator、Microsoft Authenticator、FreeOTP、oathtool …）；`confirm` 用应用上的验证码开启；`disable` 关闭。验证码是 6 位数字，每 30 s 一个，默认用 HMAC-SHA-1，所有应用都支持。")
        case .hTotpEnable: ("Show a new secret (a QR code and its otpauth:// URI) to add to an authenticator app.",
                           "显示一个新密钥（二维码及其 otpauth:// URI），添加到验证器应用。")
        case .dTotpEnable: ("The QR code is drawn when the output is a terminal (or with --qr); --qr-png writes it as a PNG image (mode 0600: it holds the secret). Nothing changes at login until `vaultcli user totp confirm`.",
                           "输出是终端时（或加 --qr）会画出二维码；--qr-png 把它写成 PNG 图片（权限 0600：里面含有密钥）。在 `vaultcli user totp confirm` 之前，登录不会有任何变化。")
        case .hTotpConfirm: ("Turn one-time codes on with the current code from the app.",
                            "用应用上当前的验证码开启一次性验证码。")
        case .dTotpConfirm: ("The code is read after the password: the next stdin line with --password-stdin, else a prompt.",
                            "验证码在密码之后读取：用 --password-stdin 时是标准输入的下一行，否则会提示输入。")
        case .hTotpDisable: ("Turn one-time codes off (your own; admins: anyone; managers: cashiers).",
                            "关闭一次性验证码（自己的；管理员：任何人；店长：收银员）。")
        case .bkKeepFleet: ("--keep does not apply to a fleet remote: head office prunes with `vaultcli fleet prune`",
                           "--keep 不适用于连锁远端：总部用 `vaultcli fleet prune` 清理")
        case .bkFleetOptions: ("a fleet backup (--to rclone:...) is sealed to the head-office recipients set by `vaultcli fleet enrol`; --recipient, --recipients-file, --passphrase, --armor and --require-mount do not apply",
                              "连锁备份（--to rclone:...）加密给 `vaultcli fleet enrol` 设置的总部接收者；--recipient、--recipients-file、--passphrase、--armor 和 --require-mount 都不适用")
        case .bkFleetSkipped: ("{0} under this terminal's prefix is not signed by this terminal's key; it was skipped (tell head office)",
                              "本终端前缀下的 {0} 没有用本终端的密钥签名；已跳过（请告知总部）")
        case .bkFleetWritten: ("backup written: {0} ({1} bytes, seq {2}, read back and checked; manifest signed)",
                              "备份已写入：{0}（{1} 字节，序号 {2}，已读回核对；清单已签名）")
        case .hBackupVerify: ("Decrypt and check a whole backup without writing a vault; print what it holds.",
                             "解密并检查整个备份，但不写出保险库；显示其中的内容。")
        case .hBackupList: ("List the vaultcli backups in a directory, newest first (time from the file name).",
                           "列出目录中的 vaultcli 备份，最新的在前（时间取自文件名）。")
        case .bkListNone: ("no vaultcli backups in {0}",
                          "{0} 中没有 vaultcli 备份")
        case .hTxExport: ("Export transactions as CSV or JSON Lines, streaming (managers and admins).",
                         "以 CSV 或 JSON Lines 流式导出交易（店长和管理员）。")
        case .dTxExport: ("The output is the import format. A file is written under a temporary name (mode 0600) and renamed when complete.",
                         "输出就是导入用的格式。文件先以临时名字写入（权限 0600），完成后再改名。")
        case .hExportFormat: ("csv or jsonl.",
                             "csv 或 jsonl。")
        case .hExportOutput: ("Write to this file instead of standard output.",
                             "写到这个文件，而不是标准输出。")
        case .hExportForce: ("Replace an existing output file.",
                            "替换已有的输出文件。")
        case .txExportedOne: ("exported {0} transaction to {1}",
                             "已导出 {0} 笔交易到 {1}")
        case .txExportedMany: ("exported {0} transactions to {1}",
                              "已导出 {0} 笔交易到 {1}")
        case .hTxImport: ("Import transactions from CSV or JSON Lines (a file, or - for standard input).",
                         "从 CSV 或 JSON Lines 导入交易（文件，或用 - 表示标准输入）。")
        case .dTxImport: ("CSV has a header row naming the columns (id,time,amount,currency,kind,card,reference,operator,terminal,status; id, time and amount are required; amount_minor may replace amount), in English or Chinese (交易时间, 金额, 币种, 类型, 卡号, 参考号, 操作员, 终端号, 状态 …), or a POS settlement export's (交易日期 + 交易时间; 参考号 as the id): see docs/import.md. UTF-8 with or without a byte order mark, or GBK/GB18030 (--encoding). JSON Lines has one flat object per line with the same keys; numbers are read as exact decimal text. Rows are written in batches: a batch is written whole or, if any of its rows is bad, not at all; every bad row is reported as `line N: reason`. Ids already in the vault are skipped, so importing the same file twice adds nothing.",
                         "CSV 第一行是列名（id,time,amount,currency,kind,card,reference,operator,terminal,status；id、time 和 amount 必须有；amount_minor 可以代替 amount），英文或中文均可（交易时间、金额、币种、类型、卡号、参考号、操作员、终端号、状态 …），也可以是 POS 结算导出的列（交易日期 + 交易时间；参考号作为编号）：见 docs/import.md。文件可以是带或不带 BOM 的 UTF-8，或 GBK/GB18030（--encoding）。JSON Lines 每行一个扁平对象，键相同；数字按精确的十进制文本读取。按批写入：一批要么整批写入，要么只要有一行错就整批不写；每个错行报告为 `line N: reason`。保险库里已有的编号会被跳过，所以同一个文件导入两次不会重复。")
        case .hImportFile: ("The file to import, or - for standard input.",
                           "要导入的文件，或用 - 表示标准输入。")
        case .hImportFormat: ("csv or jsonl (default: from the file name; csv for -).",
                             "csv 或 jsonl（默认：按文件名；- 时为 csv）。")
        case .hBatchSize: ("Rows per batch (each batch is all or nothing).",
                          "每批的行数（每批要么全部写入，要么都不写）。")
        case .hUTCOffsetImport: ("UTC offset for times written without a zone. Default: this machine's (UTC with --utc).",
                                "不带时区的时间所用的 UTC 偏移。默认：本机的（用 --utc 时为 UTC）。")
        case .hDryRun: ("Check every row and report, but write nothing.",
                       "检查每一行并报告，但不写入任何内容。")
        case .txBatchSize: ("--batch-size must be 1 to 100000",
                           "--batch-size 必须是 1 到 100000")
        case .txStdinShared: ("--password-stdin cannot share standard input with `import -`; use --password-file",
                             "--password-stdin 不能和 `import -` 共用标准输入；请用 --password-file")
        case .txBadRow: ("line {0}: {1}",
                        "第 {0} 行：{1}")
        case .txProgress: ("{0} rows read, {1} imported, {2} duplicates",
                          "已读 {0} 行，已导入 {1}，重复 {2}")
        case .txIgnoredOne: ("ignored column {0} (checked for card numbers, not stored)",
                            "已忽略列 {0}（检查过卡号，不保存）")
        case .txIgnoredMany: ("ignored columns {0} (checked for card numbers, not stored)",
                             "已忽略列 {0}（检查过卡号，不保存）")
        case .txImportSummary: ("{0} rows read: imported {1}, skipped {2} already in the vault, {3} bad",
                               "已读 {0} 行：已导入 {1}，跳过保险库中已有的 {2}，错误 {3}")
        case .txImportSummaryDry: ("{0} rows read: would import {1}, skipped {2} already in the vault, {3} bad",
                                  "已读 {0} 行：将导入 {1}，跳过保险库中已有的 {2}，错误 {3}")
        case .hTxSummary: ("Counts and totals by day, operator and kind, per currency (approved records unless --status says otherwise).",
                          "按日期、操作员和类型，分币种统计笔数和金额（除非 --status 另有指定，只统计成功的记录）。")
        case .hUTCOffsetSummary: ("Days run from midnight at this UTC offset. Default: the local calendar ($TZ; UTC with --utc), as in `vaultcli tx list`.",
                                 "每天从这个 UTC 偏移的零点开始算。默认：本地日历（$TZ；用 --utc 时为 UTC），与 `vaultcli tx list` 一致。")
        case .infoVault: ("vault:          {0}",
                         "保险库：       {0}")
        case .infoFormat: ("format version: {0}",
                          "格式版本：     {0}")
        case .infoVaultId: ("vault id:       {0}",
                           "保险库 ID：    {0}")
        case .infoTerminal: ("terminal id:    {0}",
                            "终端号：       {0}")
        case .infoCreated: ("created:        {0}",
                           "创建时间：     {0}")
        case .infoKDF: ("key derivation: {0}",
                       "密钥派生：     {0}")
        case .infoSize: ("file size:      {0} bytes ({1} superseded)",
                        "文件大小：     {0} 字节（其中 {1} 已被取代）")
        case .infoOperators: ("operators:      {0}",
                             "操作员：       {0}")
        case .infoKeyslots: ("keyslots:       {0}",
                            "密钥槽：       {0}")
        case .infoRecords: ("records:        {0}",
                           "记录：         {0}")
        case .infoFrames: ("frames:         {0}",
                          "帧：           {0}")
        case .infoTorn: ("interrupted write: {0} bytes after the last complete frame are ignored",
                        "中断的写入：最后一个完整帧之后的 {0} 字节被忽略")
        case .dVerify: ("Without --user, checks the structure, the chain and every public frame; encrypted frames are authenticated only with the keys of an operator who gives their password (an admin's authenticates all).\nExit status: 0 intact; 2 intact but an interrupted write left an incomplete tail; 6 damaged or tampered.",
                       "不加 --user 时，检查结构、链和每个公开帧；加密帧只有在操作员给出密码后才用其密钥认证（管理员的密钥能认证全部）。\n退出状态：0 完好；2 完好，但一次中断的写入留下了不完整的尾部；6 已损坏或被篡改。")
        case .hVerifyUser: ("Authenticate the encrypted frames with this operator's keys (asks for the password).",
                           "用这个操作员的密钥认证加密帧（会询问密码）。")
        case .vfIntact: ("vault intact: {0} frames, {1} authenticated",
                        "保险库完好：{0} 帧，{1} 帧已认证")
        case .vfNotCheckedUser: (", {0} encrypted frames not checked (give --user to check them)",
                                "，{0} 个加密帧未检查（加上 --user 可以检查）")
        case .vfNotCheckedRole: (", {0} encrypted frames not checked (your role's keys cannot open them; an admin's can)",
                                "，{0} 个加密帧未检查（您角色的密钥打不开；管理员的可以）")
        case .vfNote: ("note: {0}",
                      "注意：{0}")
        case .rsRosterOnlyRclone: ("--roster applies only to rclone:REMOTE:PATH",
                                  "--roster 只适用于 rclone:REMOTE:PATH")
        case .chooseOneGenerate: ("choose one of --generate, --generate-strong and --new-password-file",
                                 "--generate、--generate-strong 和 --new-password-file 只能选一个")
        case .dAccount: ("Secrets come from a prompt, --secret-stdin or --secret-file (mode 0600); never from the command line.",
                        "机密来自提示输入、--secret-stdin 或 --secret-file（权限 0600）；从不来自命令行。")
        case .hSecretStdin: ("Read the account's secret from standard input (one line).",
                            "从标准输入读取账号的机密（一行）。")
        case .hSecretFile: ("Read the account's secret from a file of mode 0600.",
                           "从权限为 0600 的文件读取账号的机密。")
        case .acChooseSecretSource: ("choose one of --secret-stdin and --secret-file",
                                    "--secret-stdin 和 --secret-file 只能选一个")
        case .promptAccountSecret: ("Secret (password or PIN) for {0}: ",
                                   "{0} 的机密（密码或 PIN）：")
        case .hService: ("The payment service (e.g. UnionPay merchant portal).",
                        "支付服务（例如银联商户平台）。")
        case .hUsername: ("The login user name at the service (shown by `ps`; see above).",
                         "在该服务上的登录用户名（会被 `ps` 看到；见上文）。")
        case .hAccountPhone: ("The bound phone: E.164 (+8613812345678) or an 11-digit China mobile. \"\" clears it.",
                             "绑定的手机号：E.164 格式（+8613812345678）或 11 位中国手机号。\"\" 表示清除。")
        case .hAccountEmail: ("The bound e-mail address. \"\" clears it.",
                             "绑定的邮箱地址。\"\" 表示清除。")
        case .hNotes: ("Notes (no secrets, no card numbers).",
                      "备注（不要写机密，不要写卡号）。")
        case .hPin: ("The secret is a PIN (4 to 12 digits).",
                    "机密是 PIN（4 到 12 位数字）。")
        case .acBlankEdit: (" (Enter keeps it, - clears it)",
                           "（直接回车保持不变，- 表示清除）")
        case .acBlankAdd: (" (Enter for none)",
                          "（直接回车表示不填）")
        case .promptNewServiceUser: ("New user name at the service{0}: ",
                                    "在该服务上的新用户名{0}：")
        case .promptServiceUser: ("User name at the service{0}: ",
                                 "在该服务上的用户名{0}：")
        case .promptNewBoundPhone: ("New bound phone{0}: ",
                                   "新的绑定手机号{0}：")
        case .promptAccountPhone: ("Bound phone (+8613812345678 or 13812345678){0}: ",
                                  "绑定的手机号（+8613812345678 或 13812345678）{0}：")
        case .promptNewBoundEmail: ("New bound e-mail{0}: ",
                                   "新的绑定邮箱{0}：")
        case .promptAccountEmail: ("Bound e-mail{0}: ",
                                  "绑定的邮箱{0}：")
        case .hAccountAdd: ("Add an account; asks for its secret.",
                           "添加账号；会询问其机密。")
        case .dHereAccountAdd: (" Here that is --username, --phone and --email; on a terminal, those left out are asked for (Enter leaves one empty).",
                               "这里指 --username、--phone 和 --email；在终端上，没给的会逐项询问（直接回车表示不填）。")
        case .hLabel: ("A unique label, e.g. unionpay-main (or \"label\" in --from-json).",
                      "唯一的标签，例如 unionpay-main（或 --from-json 中的 \"label\"）。")
        case .acGiveLabel: ("give the account's label with --label (or in --from-json)",
                           "请用 --label（或在 --from-json 中）给出账号的标签")
        case .acAdded: ("Added account {0} ({1})",
                       "已添加账号 {0}（{1}）")
        case .hAccountList: ("List accounts (never their secrets).",
                            "列出账号（从不显示机密）。")
        case .hAccountCSV: ("Print CSV (label, service, username, phone, email; cells that a spreadsheet would run as a formula start with ').",
                           "输出 CSV（label、service、username、phone、email；电子表格会当作公式执行的单元格以 ' 开头）。")
        case .hAccountFind: ("Find accounts by bound phone, e-mail or user name.",
                            "按绑定的手机号、邮箱或用户名查找账号。")
        case .dHereAccountFind: (" Here that is --phone, --email and --username; on a terminal, with none given, each is asked for (Enter skips).",
                                "这里指 --phone、--email 和 --username；在终端上都没给时，会逐项询问（直接回车跳过）。")
        case .hFindPhone: ("The bound phone number.",
                          "绑定的手机号。")
        case .hFindUsername: ("The login user name.",
                             "登录用户名。")
        case .promptFindPhone: ("Bound phone (Enter to skip): ",
                               "绑定的手机号（直接回车跳过）：")
        case .promptFindEmail: ("Bound e-mail (Enter to skip): ",
                               "绑定的邮箱（直接回车跳过）：")
        case .promptFindUsername: ("User name at the service (Enter to skip): ",
                                  "在该服务上的用户名（直接回车跳过）：")
        case .hAccountShow: ("Show one account; the secret stays hidden unless --reveal.",
                            "查看一个账号；除非加 --reveal，机密保持隐藏。")
        case .hAccountLabel: ("The account's label.",
                             "账号的标签。")
        case .hReveal: ("Print the secret (to standard output; the reveal is audited).",
                       "显示机密（输出到标准输出；显示会记入审计日志）。")
        case .hAccountHistory: ("Every change of every field, with who and when (secrets masked unless --reveal).",
                               "每个字段的每次修改，以及修改人和时间（除非加 --reveal，机密会被遮住）。")
        case .hRevealHistory: ("Show secret values (audited).",
                              "显示机密的值（会记入审计日志）。")
        case .hAccountEdit: ("Change an account's fields and/or its secret (--secret asks for the new one).",
                            "修改账号的字段和／或机密（--secret 会询问新的机密）。")
        case .dHereAccountEdit: (" Here that is --username, --phone and --email; on a terminal, with no field, --new-label or --secret given, each is asked for (Enter keeps it, - clears it).",
                                "这里指 --username、--phone 和 --email；在终端上，如果没给任何字段、--new-label 或 --secret，会逐项询问（直接回车保持不变，- 表示清除）。")
        case .hNewLabel: ("A new label.",
                         "新的标签。")
        case .hSetSecret: ("Set a new secret (from the prompt, --secret-stdin or --secret-file).",
                          "设置新的机密（来自提示输入、--secret-stdin 或 --secret-file）。")
        case .acSecretNeedsFlag: ("--secret-stdin and --secret-file need --secret",
                                 "--secret-stdin 和 --secret-file 需要配合 --secret")
        case .acNothingNoTerminal: ("nothing to change was given, and there is no terminal to ask on",
                                   "没有给出要修改的内容，也没有终端可以询问")
        case .acUpdated: ("Updated account {0}",
                         "已更新账号 {0}")
        case .hAccountRemove: ("Remove an account (the removal is audited).",
                              "删除账号（删除会记入审计日志）。")
        case .dAccountRemove: ("On a terminal it asks for the label again before anything is read or locked; --yes skips that (scripts must give it).",
                              "在终端上，读取或加锁之前会再问一次标签；--yes 跳过这一步（脚本必须加上）。")
        case .hYes: ("Remove without asking for the label again.",
                    "删除时不再询问标签。")
        case .promptRemoveAccount: ("Remove account {0}? Type its label again to confirm: ",
                                   "要删除账号 {0} 吗？请再输入一次它的标签以确认：")
        case .acRemoveNoTerminal: ("`vaultcli account remove` asks for the label again, and there is no terminal to ask; nothing was removed",
                                  "`vaultcli account remove` 需要再问一次标签，但没有终端可以询问；没有删除任何东西")
        case .acRemoveYesHint: ("add --yes to remove {0} without asking",
                               "加上 --yes 可以不经询问删除 {0}")
        case .acLabelMismatch: ("the label typed does not match; nothing was removed",
                               "输入的标签不一致；没有删除任何东西")
        case .acLabelMismatchHint: ("run the command again and type {0} exactly",
                                   "请重新运行这个命令，并准确输入 {0}")
        case .acRemoved: ("Removed account {0}",
                         "已删除账号 {0}")
        case .pdNotObject: ("{0} does not hold one JSON object",
                           "{0} 里不是一个 JSON 对象")
        case .pdNotObjectHint: ("give an object such as {\"username\": \"shop17\", \"phone\": \"13812345678\"}; keys: {0}",
                               "请给出一个对象，例如 {\"username\": \"shop17\", \"phone\": \"13812345678\"}；可用的键：{0}")
        case .pdUnknownKey: ("the JSON document has the key \"{0}\", which this command does not take",
                            "JSON 文档里有键 \"{0}\"，这个命令不接受它")
        case .pdKeysAre: ("the keys are: {0}",
                         "可用的键：{0}")
        case .pdNotString: ("the JSON value of \"{0}\" is not a string",
                           "\"{0}\" 的 JSON 值不是字符串")
        case .pdNotStringHint: ("write every value as a JSON string, e.g. \"phone\": \"13812345678\"",
                               "每个值都请写成 JSON 字符串，例如 \"phone\": \"13812345678\"")
        case .pdBoth: ("{0} is given both as --{0} and in the JSON document",
                      "{0} 既用 --{0} 给出，又写在 JSON 文档里")
        case .pdBothHint: ("give it in one place only (the JSON document keeps it off the command line)",
                          "请只在一个地方给出（JSON 文档可以让它不出现在命令行上）")
        case .pdStdinTaken: ("--from-json - reads standard input, so {0} cannot; use the matching file option (mode 0600) or the prompt",
                            "--from-json - 要读取标准输入，所以 {0} 不能再用；请改用对应的文件选项（权限 0600）或提示输入")
        case .pdNoAnswer: ("no answer was given",
                          "没有给出回答")
        case .pdNoTerminal: ("no terminal to ask for it",
                            "没有终端可以询问")
        case .pdNoTerminalHint: ("give it with a flag or in a JSON document (`--from-json -`)",
                                "请用选项或 JSON 文档（`--from-json -`）给出")
        case .pdRefusedKeep: ("Refused: {0}. Try again ({1} more), or press Enter to leave it as it is.",
                             "不接受：{0}。请再试（还有 {1} 次），或直接回车保持不变。")
        case .pdRefusedEmpty: ("Refused: {0}. Try again ({1} more), or press Enter to leave it empty.",
                              "不接受：{0}。请再试（还有 {1} 次），或直接回车不填。")
        case .pdBlankEdit: (" (Enter keeps it, - clears it)",
                           "（直接回车保持不变，- 表示清除）")
        case .pdBlankAdd: (" (Enter for none)",
                          "（直接回车表示不绑定）")
        case .promptOperatorPhone: ("Bound phone for {0} (+8613812345678 or 13812345678){1}: ",
                                   "{0} 的绑定手机号（+8613812345678 或 13812345678）{1}：")
        case .promptOperatorEmail: ("Bound e-mail for {0}{1}: ",
                                   "{0} 的绑定邮箱{1}：")
        case .pdNoTerminalHints1: ("give {0}, or the keys {1} in `--from-json FILE` or `--from-json -` (standard input), which keeps them out of `ps` and shell history",
                                  "请给出 {0}，或在 `--from-json FILE` 或 `--from-json -`（标准输入）中给出键 {1}，这样它们不会出现在 `ps` 和命令历史里")
        case .pdNoTerminalHints2: ("run it on a terminal with none of these, and it asks for each",
                                  "在终端上运行且不给这些，会逐项询问")
        case .pdGive: ("give {0}",
                      "请给出 {0}")
        case .pdGiveOneOf: ("give one of {0}",
                           "请给出 {0} 之一")
        case .pdGiveOnlyOne: ("give only one of {0}",
                             "{0} 只能给一个")
        case .pdGiveHint: ("to keep it off the command line, put it in a JSON object read with `--from-json -` (standard input) or `--from-json FILE`, or run the command on a terminal to be asked",
                          "要让它不出现在命令行上，请把它放进 JSON 对象，用 `--from-json -`（标准输入）或 `--from-json FILE` 读取，或在终端上运行命令以便询问")
        case .listOr: (" or ",
                      " 或 ")
        case .dGenpass: ("By default: one password of 20 characters with at least one uppercase letter, one lowercase letter, one digit and one symbol, which passes the default password policy and carries about 131 bits of entropy. Every character is drawn with libsodium's randombytes_uniform (no modulo bias).\n\n--json gives each result with the entropy of the distribution it was drawn from: log2 of the number of strings the settings allow (counted exactly when every class must appear), less what the policy filter removes.\n\nPINs (--pin N) are digits only. They never are a common PIN (000000, 123456, a repeated or sequential pattern, a date), but they fail the password policy by design: use them for terminals and cards, not as operator passwords. Passphrases pass the policy's character rule only with --with-number (and a symbol separator such as -).",
                        "默认：一个 20 个字符的密码，至少包含一个大写字母、一个小写字母、一个数字和一个符号，能通过默认密码规则，熵约 131 位。每个字符都用 libsodium 的 randombytes_uniform 抽取（没有取模偏差）。\n\n--json 会给出每个结果所属分布的熵：设置所允许的字符串个数的 log2（要求每类都出现时精确计算），再减去密码规则过滤掉的部分。\n\nPIN（--pin N）只有数字。它们绝不会是常见 PIN（000000、123456、重复或连续的模式、日期），但按设计通不过密码规则：请用于终端和卡片，不要用作操作员密码。口令只有加上 --with-number（并用符号作分隔符，例如 -）才能通过规则中的字符要求。")
        case .hLength: ("Password length in characters (default 20).",
                       "密码长度，按字符计（默认 20）。")
        case .hClasses: ("Character classes, comma-separated: upper, lower, digits, symbols (also letters, all). Default: all four.",
                        "字符类别，用逗号分隔：upper、lower、digits、symbols（也可以是 letters、all）。默认：全部四类。")
        case .hUpper: ("Add or remove uppercase letters A-Z.",
                      "加入或去掉大写字母 A-Z。")
        case .hLower: ("Add or remove lowercase letters a-z.",
                      "加入或去掉小写字母 a-z。")
        case .hDigits: ("Add or remove digits 0-9.",
                       "加入或去掉数字 0-9。")
        case .hSymbols: ("Add or remove the 32 ASCII symbols.",
                        "加入或去掉 32 个 ASCII 符号。")
        case .hNoAmbiguous: ("Leave out characters that are easy to misread: 0 O 1 l I |.",
                            "去掉容易看错的字符：0 O 1 l I |。")
        case .hExclude: ("Characters never to use.",
                        "绝不使用的字符。")
        case .hEveryClass: ("Make every chosen class appear at least once (default on).",
                           "让每个选中的类别至少出现一次（默认开启）。")
        case .hWords: ("A passphrase of N words from the EFF long wordlist.",
                      "由 EFF 长词表中 N 个单词组成的口令。")
        case .hPassphraseSix: ("A passphrase of 6 words (the same as --words 6).",
                              "6 个单词的口令（同 --words 6）。")
        case .hSeparator: ("Passphrase word separator (default -).",
                          "口令中单词的分隔符（默认 -）。")
        case .hCapitalize: ("Capitalise each passphrase word.",
                           "口令中每个单词首字母大写。")
        case .hWithNumber: ("Add one random digit after one random passphrase word.",
                           "在随机一个单词后面加一个随机数字。")
        case .hPinN: ("A numeric PIN of N digits (4 to 12; 6 is usual for terminals).",
                     "N 位数字的 PIN（4 到 12；终端通常用 6 位）。")
        case .hCount: ("How many to generate (default 1, at most 10000).",
                      "生成几个（默认 1，最多 10000）。")
        case .gpEntropy: ("{0} bits of entropy each",
                         "每个的熵为 {0} 位")
        case .gpPinVsWords: ("--pin and {0} ask for two different things",
                            "--pin 和 {0} 要的是两种不同的东西")
        case .gpPinVsWordsHint: ("use --pin N for a PIN, or --words N for a passphrase",
                                "要 PIN 用 --pin N，要口令用 --words N")
        case .gpNotForPin: ("{0} does not apply to --pin: a PIN is digits only",
                           "{0} 不适用于 --pin：PIN 只有数字")
        case .gpNotForPinHint: ("drop {0}, or drop --pin to generate a password",
                               "请去掉 {0}，或去掉 --pin 来生成密码")
        case .gpPassphraseAndWords: ("--passphrase and --words both choose the number of words",
                                    "--passphrase 和 --words 都是在选单词个数")
        case .gpUseOne: ("use one of them",
                        "请只用其中一个")
        case .gpNotForPassphrase: ("{0} does not apply to a passphrase",
                                  "{0} 不适用于口令")
        case .gpNotForPassphraseHint: ("drop {0}, or drop --words to generate a password",
                                      "请去掉 {0}，或去掉 --words 来生成密码")
        case .gpOnlyPassphrase: ("{0} applies only to passphrases",
                                "{0} 只适用于口令")
        case .gpOnlyPassphraseHint: ("add --words N (or --passphrase), or drop {0}",
                                    "请加上 --words N（或 --passphrase），或去掉 {0}")
        case .gpClassesEmpty: ("--classes is empty",
                              "--classes 是空的")
        case .gpClassesEmptyHint: ("name at least one of upper, lower, digits, symbols, e.g. --classes lower,digits",
                                  "请至少写一个：upper、lower、digits、symbols，例如 --classes lower,digits")
        case .gpNotAClass: ("\"{0}\" is not a character class",
                           "“{0}”不是字符类别")
        case .gpNotAClassHint: ("the classes are upper, lower, digits and symbols (also letters and all)",
                               "类别有 upper、lower、digits 和 symbols（也可以是 letters 和 all）")
        case .dAudit: ("Here --user filters by operator; say who you are with --as NAME (or $VAULTCLI_USER).",
                      "这里 --user 用来按操作员筛选；请用 --as NAME（或 $VAULTCLI_USER）说明您是谁。")
        case .auSayWhoYouAre: ("say who you are with --as NAME (or set $VAULTCLI_USER)",
                              "请用 --as NAME 说明您是谁（或设置 $VAULTCLI_USER）")
        case .auNotADate: ("\"{0}\" is not a date: use YYYY-MM-DD or an ISO 8601 time like 2026-11-22T18:00:00+08:00",
                          "“{0}”不是日期：请用 YYYY-MM-DD 或 ISO 8601 时间，例如 2026-11-22T18:00:00+08:00")
        case .hAuditList: ("List audit events, oldest first.",
                          "列出审计事件，最早的在前。")
        case .hAuditUser: ("Only events whose actor or target is this operator.",
                          "只看执行者或对象是这个操作员的事件。")
        case .hAuditSince: ("Only events at or after this time (YYYY-MM-DD or ISO 8601; a date is local midnight, UTC with --utc).",
                           "只看这个时间及以后的事件（YYYY-MM-DD 或 ISO 8601；日期指本地零点，用 --utc 时指 UTC 零点）。")
        case .hAuditAction: ("Only events whose action starts with this (e.g. login, auth, user.add).",
                            "只看动作以此开头的事件（例如 login、auth、user.add）。")
        case .hAuditSummary: ("Count the (filtered) events by action, outcome and operator instead of listing them.",
                             "按动作、结果和操作员统计（筛选后的）事件数，而不是逐条列出。")
        case .hAuditCSV: ("Print CSV (time, actor, action, target, outcome, detail; cells that a spreadsheet would run as a formula start with ').",
                         "输出 CSV（time、actor、action、target、outcome、detail；电子表格会当作公式执行的单元格以 ' 开头）。")
        case .colAction: ("ACTION",
                         "动作")
        case .colOutcome: ("OUTCOME",
                          "结果")
        case .colCount: ("COUNT",
                        "次数")
        case .colTotal: ("TOTAL",
                        "合计")
        case .hAuditVerify: ("Check the audit chain: a removed, reordered or edited event is detected.",
                            "检查审计链：能发现被删除、调换顺序或修改过的事件。")
        case .dAuditVerify: ("Exit status 0: intact; 6: the chain is broken (the message says where).",
                            "退出状态 0：完好；6：链断了（消息会说明在哪里）。")
        case .auIntact: ("audit chain intact: {0} events",
                        "审计链完好：{0} 条事件")
        case .dCheckPassword: ("The password is read from standard input when it is not a terminal (one line), from --password-file, or else asked for on the terminal without echo. It is never printed.\n\nThe policy is the vault's (--vault, $VAULTCLI_VAULT, or the default path) when one exists, else the default policy; the vault's terminal id and merchant's name count as personal data. Exit status: 0 when the password passes the policy, 13 when it breaks a rule (every broken rule is listed), 64 for bad usage.",
                              "标准输入不是终端时从标准输入读取密码（一行），或从 --password-file 读取，否则在终端上不回显地询问。密码从不显示出来。\n\n有保险库时（--vault、$VAULTCLI_VAULT 或默认路径）用保险库的密码规则，否则用默认规则；保险库的终端号和商户名称算作个人信息。退出状态：0 表示通过规则，13 表示违反了规则（会列出每条违反的规则），64 表示用法错误。")
        case .hCpUser: ("The user name the password is for (shown by `ps`; see above).",
                       "密码所属的用户名（会在 `ps` 中显示；见上文）。")
        case .hCpPhone: ("The user's bound phone number (shown by `ps`; see above).",
                        "该用户绑定的手机号（会在 `ps` 中显示；见上文）。")
        case .hCpEmail: ("The user's bound email address (shown by `ps`; see above).",
                        "该用户绑定的邮箱地址（会在 `ps` 中显示；见上文）。")
        case .hCpBirthday: ("The user's birthday, YYYY-MM-DD (shown by `ps`; see above).",
                           "该用户的生日，YYYY-MM-DD（会在 `ps` 中显示；见上文）。")
        case .hCpName: ("Another name linked to the user (real name, shop); repeatable (shown by `ps`; see above).",
                       "与该用户有关的另一个名字（真实姓名、店名）；可重复（会在 `ps` 中显示；见上文）。")
        case .hCpTerminal: ("The terminal's id (default: the vault's, when there is a vault).",
                           "终端号（默认：有保险库时用保险库的）。")
        case .hCpMerchant: ("The merchant's (shop's) name, in Chinese characters or letters (default: the vault's, when it keeps one).",
                           "商户（店铺）名称，汉字或字母均可（默认：保险库保存了名称时用保险库的）。")
        case .cpNotADate: ("\"{0}\" is not a date in the form YYYY-MM-DD",
                          "“{0}”不是 YYYY-MM-DD 格式的日期")
        case .cpNotADateHint: ("for example --birthday 1990-03-14",
                              "例如 --birthday 1990-03-14")
        case .cpStrength: ("strength: {0} of 4 ({1})",
                          "强度：{0}（满分 4，{1}）")
        case .cpScore0: ("too guessable",
                        "太容易猜到")
        case .cpScore1: ("very guessable",
                        "很容易猜到")
        case .cpScore2: ("somewhat guessable",
                        "有点容易猜到")
        case .cpScore3: ("safely unguessable",
                        "不容易猜到")
        case .cpScore4: ("very unguessable",
                        "很难猜到")
        case .cpGuesses: ("  guesses: about 10^{0} ({1} bits)",
                         "  猜测次数：约 10^{0}（{1} 位）")
        case .cpOnline: ("  time to crack online, throttled (10^4 guesses/s): {0}",
                        "  在线破解时间（限速，每秒 10^4 次）：{0}")
        case .cpOffline: ("  time to crack offline, fast hash (10^10 guesses/s): {0}",
                         "  离线破解时间（快速哈希，每秒 10^10 次）：{0}")
        case .cpAdvice: ("advice: {0}",
                        "建议：{0}")
        case .hPolicyShow: ("Show every policy setting, its floor and where the floor comes from (no password needed).",
                           "显示每项规则设置、其下限以及下限的出处（不需要密码）。")
        case .colSetting: ("SETTING",
                          "设置")
        case .colValue: ("VALUE",
                        "值")
        case .colAllowed: ("ALLOWED",
                          "允许范围")
        case .colWhatItDoes: ("WHAT IT DOES",
                             "作用")
        case .poChangeHint: ("Change one with `vaultcli policy set SETTING VALUE --user ADMIN`; why each limit is there: `vaultcli policy show --json` (\"source\") or docs/password-policy.md.",
                            "用 `vaultcli policy set SETTING VALUE --user ADMIN` 修改一项；每个限值的理由见 `vaultcli policy show --json`（\"source\"）或 docs/password-policy.md。")
        case .hPolicySet: ("Change one setting (admins), e.g. `vaultcli policy set min-length 14`.",
                          "修改一项设置（管理员），例如 `vaultcli policy set min-length 14`。")
        case .dPolicySet: ("Values beyond the floors (PCI DSS v4.0.1 8.3, ASVS, NIST 800-63B) are refused.",
                          "超出下限（PCI DSS v4.0.1 8.3、ASVS、NIST 800-63B）的值会被拒绝。")
        case .hPolicyKey: ("The setting (see `vaultcli policy show`).",
                          "设置项（参见 `vaultcli policy show`）。")
        case .hPolicyValue: ("The new value: a number, or on/off.",
                            "新的值：数字，或 on/off。")
        case .dKeygen: ("With -o FILE the identity goes to a new file (mode 0600, never overwritten) and its recipient age1... is printed on stdout. Without -o (or with -o -) the identity file's text goes to stdout, like age-keygen. Keep the identity offline: whoever holds it can open every backup made for its recipient.",
                       "用 -o FILE 时，身份密钥写到一个新文件（权限 0600，绝不覆盖），其接收者 age1... 打印到标准输出。不加 -o（或用 -o -）时，身份文件的内容输出到标准输出，和 age-keygen 一样。请离线保存身份密钥：谁拿到它，谁就能打开为其接收者制作的每个备份。")
        case .hKeygenOutput: ("Write the identity to this new file ('-' for stdout).",
                             "把身份密钥写到这个新文件（'-' 表示标准输出）。")
        case .hAddToVault: ("Make the key a default backup recipient and add an offline recovery-key slot to the vault (admins; needs -o FILE).",
                           "把这把密钥设为默认备份接收者，并在保险库中加一个离线恢复密钥槽（管理员；需要 -o FILE）。")
        case .kgJSONNeedsOutput: ("--json needs -o FILE: the secret key is never printed as JSON",
                                 "--json 需要 -o FILE：私钥从不以 JSON 输出")
        case .kgAddNeedsOutput: ("--add-to-vault needs -o FILE, so the identity is kept before the vault trusts it",
                                "--add-to-vault 需要 -o FILE，这样在保险库信任它之前身份密钥已经保存好")
        case .kgAdded: ("added to the vault: every backup is now also sealed to this key, and it opens the vault's data without a password",
                       "已加入保险库：之后每个备份也会加密给这把密钥，它不用密码就能打开保险库的数据")
        case .kgToTerminal: ("writing a secret key to the terminal; use -o FILE to keep it in a 0600 file instead",
                            "正在把私钥写到终端上；请改用 -o FILE 把它保存在权限 0600 的文件里")
        case .kgPublicKey: ("public key: {0}",
                           "公钥：{0}")
        case .upAlready: ("The vault is already in format version 2; nothing to do.",
                         "保险库已经是格式版本 2；无需操作。")
        case .dRekey: ("Operators keep their passwords. With --renew-recovery the recovery codes are replaced too and printed once, and the offline recovery key's slot is re-wrapped.",
                      "操作员的密码不变。加 --renew-recovery 时恢复码也会更换并打印一次，离线恢复密钥的密钥槽也会重新封装。")
        case .hRenewRecovery: ("Also replace the recovery codes (do this when an admin who saw them is gone).",
                              "同时更换恢复码（见过恢复码的管理员离开后请这样做）。")
        case .progressRekey: ("rekey:",
                             "更换密钥：")
        case .upMoved: ("The vault was moved to format version 2 ({0} operators keep their passwords); every key was replaced.",
                       "保险库已升级到格式版本 2（{0} 个操作员的密码不变）；所有密钥都已更换。")
        case .upKeptAt: ("The format-v1 file is kept at {0}; delete it once a new backup is made.",
                        "格式 v1 的文件保留在 {0}；做好新备份后请删除它。")
        case .upCodesRenewed: ("The recovery codes were renewed: the old ones no longer work.",
                              "恢复码已更新：旧的不再有效。")
        case .lsOwner: ("is owned by user id {0}, not by you ({1})",
                       "属于用户 ID {0}，不属于您（{1}）")
        case .lsMode: ("can be read by others (mode {0})",
                      "其他人可以读取（权限 {0}）")
        case .lsAnd: (" and ",
                     "，并且")
        case .lsMessage: ("the {0} {1} {2}, so it was not used",
                         "{0} {1} {2}，所以没有使用它")
        case .lsChownHint: ("make it yours: `sudo chown {0} {1}` (or copy it to a file of your own)",
                           "请把它改成您的：`sudo chown {0} {1}`（或复制到您自己的文件）")
        case .lsChmodHint: ("run `chmod 600 {0}` and try again",
                           "请运行 `chmod 600 {0}` 后再试")
        case .whatPasswordFile: ("password file",
                                "密码文件")
        case .whatIdentityFile: ("identity file",
                                "身份文件")
        case .peUnknownKey: ("there is no policy setting called \"{0}\"",
                            "没有名为“{0}”的规则设置")
        case .peUnknownKeyHint: ("the settings are: {0}",
                                "设置项有：{0}")
        case .peInvalid: ("\"{0}\" is not a valid value for {1}: expected {2}",
                         "“{0}”不是 {1} 的有效值：应为{2}")
        case .peWholeNumber: ("a whole number",
                             "整数")
        case .peOnOff: ("on or off",
                       "on 或 off")
        case .peHours: ("HH:MM-HH:MM in local time (for example 08:00-22:00), or off",
                       "本地时间 HH:MM-HH:MM（例如 08:00-22:00），或 off")
        case .peInvalidHint: ("see `vaultcli policy show` for each setting and its range",
                             "每项设置及其范围见 `vaultcli policy show`")
        case .peBelowFloor: ("{0} cannot be set to {1}: the floor is {2} ({3})",
                            "{0} 不能设为 {1}：下限是 {2}（{3}）")
        case .peBelowFloorHint: ("choose {0} or more",
                                "请选 {0} 或更大的值")
        case .peAboveCeiling: ("{0} cannot be set to {1}: the most allowed is {2} ({3})",
                              "{0} 不能设为 {1}：最大允许 {2}（{3}）")
        case .peAboveCeilingHint: ("choose {0} or less",
                                  "请选 {0} 或更小的值")
        case .peCannotDisable: ("{0} cannot be turned off: it is required ({1})",
                               "{0} 不能关闭：这是必需的（{1}）")
        case .peCannotDisableHint: ("the rule stays on; other settings can be made stricter",
                                   "这条规则保持开启；其他设置可以改得更严格")
        case .geOutOfRange: ("{0} must be between {1} and {2}, not {3}",
                            "{0} 必须在 {1} 到 {2} 之间，不能是 {3}")
        case .geOutOfRangeHint: ("choose {0} from {1} to {2}",
                                "请在 {1} 到 {2} 之间选择 {0}")
        case .geNoClasses: ("no character class is chosen, so there is nothing to draw from",
                           "没有选择任何字符类别，无从抽取")
        case .geNoClassesHint: ("choose at least one with --classes upper,lower,digits,symbols",
                               "请用 --classes upper,lower,digits,symbols 至少选一个")
        case .geTooShortOne: ("a password of {0} character cannot hold one of each of the {1} chosen classes",
                             "{0} 个字符的密码放不下所选 {1} 个类别各一个")
        case .geTooShortMany: ("a password of {0} characters cannot hold one of each of the {1} chosen classes",
                              "{0} 个字符的密码放不下所选 {1} 个类别各一个")
        case .geTooShortHint: ("use --length {0} or more, choose fewer classes, or add --no-require-each",
                              "请用 --length {0} 或更长，选少一些类别，或加上 --no-require-each")
        case .geClassEmptied: ("every character of the {0} class is excluded, but that class is chosen",
                              "{0} 类的所有字符都被排除了，但选了这个类别")
        case .geClassEmptiedHint: ("exclude fewer characters, or leave {0} out of --classes",
                                  "请少排除一些字符，或从 --classes 中去掉 {0}")
        case .geNothingLeft: ("every character is excluded",
                             "所有字符都被排除了")
        case .geNothingLeftHint: ("exclude fewer characters",
                                 "请少排除一些字符")
        case .geSepLetters: ("the separator contains letters, which would make word boundaries ambiguous",
                            "分隔符含有字母，会让单词边界不清楚")
        case .geSepLettersHint: ("use symbols, a space or nothing as the separator, e.g. --separator -",
                                "请用符号、空格或不用分隔符，例如 --separator -")
        case .geSepDigits: ("the separator contains digits, which --with-number also adds",
                           "分隔符含有数字，而 --with-number 也会加数字")
        case .geSepDigitsHint: ("use a separator without digits, or drop --with-number",
                               "请用不含数字的分隔符，或去掉 --with-number")
        case .geSepControl: ("the separator contains control characters",
                            "分隔符含有控制字符")
        case .geSepTooLong: ("the separator is {0} characters long; at most 8 are allowed",
                            "分隔符有 {0} 个字符；最多允许 8 个")
        case .geSepHint: ("use a short separator such as - . _ or a space",
                         "请用短的分隔符，例如 - . _ 或空格")
        case .geFilter: ("almost every candidate breaks the password policy's pattern rules with these settings",
                        "按这些设置，几乎每个候选都违反密码规则中的模式规则")
        case .geFilterHint: ("use a longer --length or more characters",
                            "请用更长的 --length 或更多的字符")
        case .flDiscussion: ("See docs/fleet.md. Terminals upload with `vaultcli backup --to rclone:REMOTE:PATH`.",
                            "参见 docs/fleet.md。终端用 `vaultcli backup --to rclone:REMOTE:PATH` 上传。")
        case .hFleetRemote: ("Where the fleet's backups are, as rclone:REMOTE:PATH (credentials stay in rclone's own configuration).",
                            "连锁备份所在的位置，写成 rclone:REMOTE:PATH（凭据留在 rclone 自己的配置里）。")
        case .hFleetRoster: ("Head office's roster: `<terminal id> ed25519:<hex>` a line, as `vaultcli fleet enrol` prints it.",
                            "总部的终端名册：每行一个 `<terminal id> ed25519:<hex>`，即 `vaultcli fleet enrol` 打印的样子。")
        case .hFleetEnrol: ("Enrol this terminal (admins): the remote, head office's recipients, and the terminal's signing key.",
                           "登记这台终端（管理员）：远端、总部的接收者和终端的签名密钥。")
        case .dFleetEnrol: ("Prints the roster line head office adds to its roster. The signing key is kept in the vault (an admin-signed record) and made once; --new-key replaces it (head office must then update the roster). Example:\n  vaultcli fleet enrol --remote rclone:hq-s3:fleet-backups --recipient age1... --user admin",
                           "打印总部要加进名册的那一行。签名密钥保存在保险库里（管理员签名的记录），只生成一次；--new-key 会替换它（之后总部必须更新名册）。例如：\n  vaultcli fleet enrol --remote rclone:hq-s3:fleet-backups --recipient age1... --user admin")
        case .hFleetEnrolRemote: ("Where backups go: rclone:REMOTE:PATH.",
                                 "备份存到哪里：rclone:REMOTE:PATH。")
        case .hFleetRecipient: ("A head-office age recipient (age1...); repeatable.",
                               "一个总部的 age 接收者（age1...）；可重复。")
        case .hFleetRecipientsFile: ("A file of age1... recipients, one a line.",
                                    "一个 age1... 接收者文件，每行一个。")
        case .hFleetNewKey: ("Make a new signing key even if the terminal has one.",
                            "即使终端已有签名密钥，也生成一个新的。")
        case .flRemoteForm: ("--remote must be rclone:REMOTE:PATH",
                            "--remote 必须是 rclone:REMOTE:PATH")
        case .flNameRecipients: ("name head office's recipients with --recipient age1... or --recipients-file FILE",
                                "请用 --recipient age1... 或 --recipients-file FILE 给出总部的接收者")
        case .flCannotRead: ("cannot read {0}",
                            "无法读取 {0}")
        case .flEnrolled: ("terminal {0} enrolled: backups go to {1}, sealed to {2} head-office recipient(s)",
                          "终端 {0} 已登记：备份存到 {1}，加密给 {2} 个总部接收者")
        case .flAddRosterLine: ("add this line to head office's roster:",
                               "请把这一行加进总部的名册：")
        case .hFleetList: ("Per terminal: the newest verified backup, its age, count and bytes; OK, LATE or MISSING.",
                          "按终端列出：最新的已验证备份、其时长、数量和字节数；OK、LATE 或 MISSING。")
        case .dFleetList: ("One listing of the bucket, then only the newest manifests. Exit 1 when any terminal needs attention (LATE, MISSING, a refused object, or a prefix the roster does not know).",
                          "列一次存储桶，然后只读最新的清单。任何终端需要关注时（LATE、MISSING、被拒绝的对象，或名册里没有的前缀）退出状态为 1。")
        case .hLateAfter: ("A terminal whose newest verified backup is older than this many hours is LATE.",
                          "最新的已验证备份超过这么多小时的终端算作 LATE。")
        case .hOldRecipient: ("A recipient being retired: name the terminals whose newest backup is still sealed to it.",
                             "一个要停用的接收者：列出最新备份仍加密给它的终端。")
        case .flRefused: ("{0} refused ({1}: {2})",
                         "{0} 个被拒绝（{1}：{2}）")
        case .flIncomplete: ("{0} incomplete",
                            "{0} 个不完整")
        case .flOldRecipient: ("sealed to an old recipient",
                              "加密给了旧的接收者")
        case .colTerminal: ("TERMINAL",
                           "终端")
        case .colState: ("STATE",
                        "状态")
        case .colNewestVerified: ("NEWEST VERIFIED",
                                 "最新已验证")
        case .colAge: ("AGE",
                      "时长")
        case .colBytes: ("BYTES",
                        "字节")
        case .colNote: ("NOTE",
                       "备注")
        case .flNotInRoster: ("not in the roster: prefix {0} ({1} objects)",
                             "不在名册中：前缀 {0}（{1} 个对象）")
        case .flListSummary: ("{0} terminals, {1} objects; {2} need attention",
                             "{0} 台终端，{1} 个对象；{2} 台需要关注")
        case .hFleetPrune: ("Delete old backups by a daily/weekly rule, from one listing, without a lock.",
                           "按每天／每周的规则删除旧备份，只列一次，不加锁。")
        case .dFleetPrune: ("Never deletes a terminal's newest verified backup, nor an object whose manifest was refused (left for a person to look at).",
                           "绝不删除终端最新的已验证备份，也不删除清单被拒绝的对象（留给人来查看）。")
        case .hKeepDaily: ("Keep the newest backup of each of the last N days that have one.",
                          "保留最近 N 个有备份的日子里每天最新的一个。")
        case .hKeepWeekly: ("Keep the newest backup of each of the last N weeks that have one.",
                           "保留最近 N 个有备份的星期里每周最新的一个。")
        case .hFleetDryRun: ("Say what would be deleted; delete nothing.",
                            "说明会删除什么；不实际删除。")
        case .flKeepAtLeast0: ("--keep-daily and --keep-weekly take numbers of at least 0",
                              "--keep-daily 和 --keep-weekly 需要至少为 0 的数")
        case .flWouldDelete: ("would delete {0}",
                             "将删除 {0}")
        case .flDeleted: ("deleted {0}",
                         "已删除 {0}")
        case .flWouldDeleteCount: ("would delete {0} of {1} objects",
                                  "将删除 {1} 个对象中的 {0} 个")
        case .flDeletedCount: ("deleted {0} of {1} objects",
                              "已删除 {1} 个对象中的 {0} 个")
        case .hFleetVerify: ("Download backups, check signature, chain and digest, decrypt with head office's identity and check the vault inside.",
                            "下载备份，检查签名、链和摘要，用总部的身份密钥解密，并检查其中的保险库。")
        case .dFleetVerify: ("--sample 10% checks a random tenth of each terminal's backups (at least one, always the newest), as restic's check --read-data-subset does.",
                            "--sample 10% 会随机检查每台终端十分之一的备份（至少一个，总是包括最新的），就像 restic 的 check --read-data-subset 那样。")
        case .hFleetIdentity: ("Head office's identity file (AGE-SECRET-KEY-1..., mode 0600); repeatable.",
                              "总部的身份文件（AGE-SECRET-KEY-1...，权限 0600）；可重复。")
        case .hFleetTerminal: ("Only this terminal.",
                              "只检查这台终端。")
        case .hFleetSample: ("Check this share of each terminal's backups, e.g. 10%.",
                            "检查每台终端这么大比例的备份，例如 10%。")
        case .flNameIdentity: ("name head office's identity with --identity FILE",
                              "请用 --identity FILE 给出总部的身份文件")
        case .flSampleRange: ("--sample takes a percentage from 0.1% to 100%, e.g. 10%",
                             "--sample 需要 0.1% 到 100% 之间的百分比，例如 10%")
        case .flNotInRosterFile: ("terminal {0} is not in the roster {1}",
                                 "终端 {0} 不在名册 {1} 中")
        case .flOk: ("ok    ",
                    "正常  ")
        case .flFailed: ("FAILED",
                        "失败  ")
        case .flChecked: ("{0} backups checked, {1} failed",
                         "已检查 {0} 个备份，{1} 个失败")
        case .flNoManifest: ("its manifest could not be downloaded",
                            "无法下载它的清单")
        case .flManifestNames: ("its manifest names terminal {0}",
                               "它的清单写的是终端 {0}")
        case .flChainBroken: ("the chain is broken: its prev is not the hash of manifest seq {0}",
                             "链断了：它的 prev 不是清单序号 {0} 的哈希")
        case .flNotDownloaded: ("it could not be downloaded",
                               "无法下载它")
        case .flBytesNotSigned: ("its bytes are not the ones the manifest signs (size or SHA-256)",
                                "它的字节不是清单所签名的那些（大小或 SHA-256 不符）")
        case .flVaultInside: ("the vault inside is terminal {0} / vault {1}, not the manifest's",
                             "其中的保险库是终端 {0} / 保险库 {1}，与清单不符")
        case .feRcloneMissing: ("cannot run rclone ({0}): {1}",
                               "无法运行 rclone（{0}）：{1}")
        case .feRcloneMissingHint: ("install rclone 1.65 or newer (Debian bookworm's 1.60 fails S3 calls when AWS_CA_BUNDLE is set), or name it with VAULTCLI_RCLONE=/path/to/rclone",
                                   "请安装 rclone 1.65 或更新版本（Debian bookworm 的 1.60 在设置了 AWS_CA_BUNDLE 时 S3 调用会失败），或用 VAULTCLI_RCLONE=/path/to/rclone 指定")
        case .feRemote: ("rclone could not {0} {1}: {2}",
                        "rclone 无法{0} {1}：{2}")
        case .feRemoteHint: ("check the remote in rclone's configuration (`rclone config show REMOTE`), the network and the credentials; no backup that looks whole was left behind",
                            "请检查 rclone 配置中的远端（`rclone config show REMOTE`）、网络和凭据；没有留下看起来完整的备份")
        case .feReadBack: ("{0} read back from the remote differs from what was uploaded",
                          "从远端读回的 {0} 与上传的不一致")
        case .feReadBackHint: ("run the backup again; the object carries no manifest, so head office does not count it",
                              "请重新备份；这个对象没有清单，所以总部不会把它算作备份")
        case .feBadLocation: ("invalid remote location: {0}",
                             "远端位置无效：{0}")
        case .feBadLocationHint: ("write it as rclone:REMOTE:PATH, e.g. rclone:hq-s3:fleet-backups",
                                 "请写成 rclone:REMOTE:PATH，例如 rclone:hq-s3:fleet-backups")
        case .feNotEnrolled: ("this terminal is not enrolled in a fleet (no remote, head-office recipients or signing key in the vault)",
                             "这台终端没有登记到连锁（保险库里没有远端、总部接收者或签名密钥）")
        case .feNotEnrolledHint: ("an admin enrols the terminal once: vaultcli fleet enrol --remote rclone:REMOTE:PATH --recipient age1... --user ADMIN",
                                 "请管理员登记一次终端：vaultcli fleet enrol --remote rclone:REMOTE:PATH --recipient age1... --user ADMIN")
        case .feManifestRefused: ("backup manifest {0} is refused: {1}",
                                 "备份清单 {0} 被拒绝：{1}")
        case .feManifestRefusedHint: ("the object was not written by the terminal whose key the roster holds (forged, damaged, or under another terminal's prefix); it is never counted as a backup",
                                     "这个对象不是名册中那把密钥所属的终端写的（伪造、损坏，或放在了别的终端前缀下）；它绝不会被算作备份")
        case .feRoster: ("{0}, line {1}: {2}",
                        "{0}，第 {1} 行：{2}")
        case .feRosterHint: ("each line is `<terminal id> ed25519:<64 hex>` as printed by `vaultcli fleet enrol`; # starts a comment",
                            "每行是 `vaultcli fleet enrol` 打印的 `<terminal id> ed25519:<64 hex>`；# 开始注释")
        case .feEnrolment: ("fleet enrolment refused: {0}",
                           "连锁登记被拒绝：{0}")
        case .feEnrolmentHint: ("see `vaultcli fleet enrol --help`",
                               "参见 `vaultcli fleet enrol --help`")
        case .feObjectMissing: ("{0} is not on the remote",
                               "{0} 不在远端上")
        case .feObjectMissingHint: ("list what is there with `vaultcli fleet list REMOTE --roster FILE --json`",
                                   "用 `vaultcli fleet list REMOTE --roster FILE --json` 列出远端上有什么")
        case .feIdentityExposed: ("{0} can be read by other users; head office's identity must be in a file only its owner can read",
                                 "{0} 其他用户可以读取；总部的身份密钥必须放在只有所有者能读的文件里")
        case .feIdentityExposedHint: ("chmod 600 {0} (and keep the key offline when it is not in use)",
                                     "chmod 600 {0}（不用时请离线保存这把密钥）")
        case .exUnknownFormat: ("unknown export format \"{0}\"",
                               "不认识的导出格式“{0}”")
        case .imUnknownFormat: ("unknown import format \"{0}\"",
                               "不认识的导入格式“{0}”")
        case .formatHint: ("use --format csv or --format jsonl",
                          "请用 --format csv 或 --format jsonl")
        case .exExists: ("{0} already exists; it was not changed",
                        "{0} 已经存在；它没有被改动")
        case .exExistsHint: ("choose another name, or add --force to replace it",
                            "请换一个名字，或加上 --force 替换它")
        case .txSinceUntil: ("--since {0} is not before --until {1}",
                            "--since {0} 不早于 --until {1}")
        case .txSwapBounds: ("swap the two bounds",
                            "请把两个边界对调")
        case .acNeedsLabel: ("an account needs a label",
                            "账号需要一个标签")
        case .acNeedsLabelHint: ("give --label, or \"label\" in the JSON document",
                                "请给出 --label，或在 JSON 文档中写 \"label\"")
        case .acRevealToShow: (" (--reveal to show)",
                              "（加 --reveal 显示）")
        case .acShowLabel: ("label:",
                           "标签：")
        case .acShowId: ("id:",
                        "编号：")
        case .acShowService: ("service:",
                             "服务：")
        case .acShowUsername: ("username:",
                              "用户名：")
        case .acShowPhone: ("phone:",
                           "手机：")
        case .acShowEmail: ("email:",
                           "邮箱：")
        case .acShowSecret: ("secret:",
                            "机密：")
        case .acShowSecretKind: ("secret kind:",
                                "机密类型：")
        case .acShowNotes: ("notes:",
                           "备注：")
        case .acShowCreated: ("created:",
                             "创建：")
        case .acShowUpdated: ("updated:",
                             "更新：")
        case .acByWhom: ("{0} by {1}",
                        "{0}，由 {1}")
        case .colLabel: ("LABEL",
                        "标签")
        case .colService: ("SERVICE",
                          "服务")
        case .colUsername: ("USERNAME",
                           "用户名")
        case .colPhone: ("PHONE",
                        "手机")
        case .colEmail: ("EMAIL",
                        "邮箱")
        case .colBy: ("BY",
                     "修改人")
        case .colField: ("FIELD",
                        "字段")
        case .colOld: ("OLD",
                      "原值")
        case .colNew: ("NEW",
                      "新值")
        case .totpTypeKey: ("  or type the key: ",
                           "  或手动输入密钥：")
        case .srcStdinAppCode: ("standard input (the code from the app)",
                               "标准输入（应用上的验证码）")
        case .srcStandardOutput: ("standard output",
                                 "标准输出")
        case .qrFailedTooLong: ("could not draw a QR code for this text (too long)",
                               "无法为这段文字画出二维码（太长）")
        case .qrFailed: ("could not draw a QR code for this text (libqrencode failed)",
                        "无法为这段文字画出二维码（libqrencode 出错）")
        case .rsNotBackupObject: ("{0} does not name a backup object (…/<time>-<seq>.age)",
                                 "{0} 不是备份对象（…/<time>-<seq>.age）")
        case .rsNotFleetBackup: ("{0} is not a fleet backup (…/vaultcli/v1/t/<terminal>/<name>.age)",
                                "{0} 不是连锁备份（…/vaultcli/v1/t/<terminal>/<name>.age）")
        case .rsNotInRoster: ("terminal {0} is not in the roster",
                             "终端 {0} 不在名册中")
        case .rsNamesTerminal: ("it names terminal {0}, not {1}",
                               "它写的是终端 {0}，不是 {1}")
        case .acCountOne: ("{0} account",
                          "共 {0} 个账号")
        case .acCountMany: ("{0} accounts",
                           "共 {0} 个账号")
        case .enPhoneChars: ("the phone number \"{0}\" may contain only digits, spaces, dashes and a leading +",
                            "手机号“{0}”只能包含数字、空格、横线和开头的 +")
        case .enPhoneCharsHint: ("use E.164 (+8613812345678) or an 11-digit mainland China mobile number (13812345678)",
                                "请用 E.164 格式（+8613812345678）或 11 位中国大陆手机号（13812345678）")
        case .enPhoneE164: ("the phone number \"{0}\" is not E.164: + then 8 to 15 digits, not starting with 0",
                           "手机号“{0}”不是 E.164 格式：+ 后面 8 到 15 位数字，不能以 0 开头")
        case .enPhoneE164Hint: ("e.g. +8613812345678 or +14155550123",
                               "例如 +8613812345678 或 +14155550123")
        case .enPhoneNeither: ("the phone number \"{0}\" is neither E.164 (+ and country code) nor an 11-digit mainland China mobile number (1[3-9]xxxxxxxxx)",
                              "手机号“{0}”既不是 E.164 格式（+ 和国家代码），也不是 11 位中国大陆手机号（1[3-9]xxxxxxxxx）")
        case .enPhoneNeitherHint: ("add the country code, e.g. +8613812345678",
                                  "请加上国家代码，例如 +8613812345678")
        case .enEmailAt: ("the e-mail address \"{0}\" must contain exactly one @",
                         "邮箱地址“{0}”必须只含一个 @")
        case .enEmailLocal: ("the e-mail address \"{0}\" has an invalid part before the @",
                            "邮箱地址“{0}”@ 前面的部分无效")
        case .enEmailDomain: ("the e-mail address \"{0}\" has an invalid domain (expected something like shop.example.com)",
                             "邮箱地址“{0}”的域名无效（应类似 shop.example.com）")
        case .enEmailHint: ("use an address such as shop@example.com",
                           "请用类似 shop@example.com 的地址")
        case .orNoPending: ("no one-time-code enrolment is pending; start one with `vaultcli user totp enable`",
                           "没有待确认的一次性验证码登记；请先用 `vaultcli user totp enable` 开始")
        case .orSkewAgo: ("that code is from {0} ago: the clock of the authenticator app or of this terminal is off; set the phone's time to automatic, check this terminal's `date`, and confirm again with the current code",
                         "这个验证码是 {0}之前的：验证器应用或这台终端的时钟不准；请把手机时间设为自动，检查这台终端的 `date`，再用当前的验证码确认")
        case .orSkewAhead: ("that code is from {0} ahead: the clock of the authenticator app or of this terminal is off; set the phone's time to automatic, check this terminal's `date`, and confirm again with the current code",
                           "这个验证码是 {0}之后的：验证器应用或这台终端的时钟不准；请把手机时间设为自动，检查这台终端的 `date`，再用当前的验证码确认")
        case .orMalformed: ("a one-time code is 6 digits; confirm again with the code the app shows now",
                           "一次性验证码是 6 位数字；请用应用当前显示的验证码再确认一次")
        case .orMismatch: ("that code does not match the new secret; check that the app added this secret ({0}, 6 digits, 30 s) and try again with the current code",
                          "这个验证码与新密钥不符；请检查应用是否添加了这个密钥（{0}，6 位数字，30 s），再用当前的验证码重试")
        case .orSameRole: ("{0} already has the {1} role",
                          "{0} 已经是{1}")
        case .orDisableSelf: ("you cannot disable yourself",
                             "您不能停用自己")
        case .orEnableNeedsPassword: ("enabling {0} needs a temporary password",
                                     "启用 {0} 需要一个临时密码")
        case .orRemoveSelf: ("you cannot remove yourself",
                            "您不能删除自己")
        case .orLegacy: ("this vault is still in format 1; an admin's command moves it to format 2 first (`vaultcli upgrade --user ADMIN`)",
                        "这个保险库还是格式 1；需要管理员的命令先把它升级到格式 2（`vaultcli upgrade --user ADMIN`）")
        case .enNameEmpty: ("the operator name is empty",
                           "操作员名是空的")
        case .enNameLong: ("the operator name is longer than 64 bytes",
                          "操作员名超过 64 字节")
        case .enNameChar: ("the operator name \"{0}\" contains {1}; a name may not hold spaces, control characters, or invisible or direction-changing characters; use letters, digits, '.', '-' or '_'",
                          "操作员名“{0}”含有 {1}；名字里不能有空格、控制字符、不可见字符或改变书写方向的字符；请用字母、数字、“.”、“-”或“_”")
        case .enTerminalId: ("the terminal id \"{0}\" must be 1 to 16 ASCII letters, digits, '-', '_' or '.'",
                            "终端号“{0}”必须是 1 到 16 个 ASCII 字母、数字、“-”、“_”或“.”")
        case .enOffset: ("invalid UTC offset \"{0}\": use +HH:MM, e.g. +08:00",
                        "UTC 偏移“{0}”无效：请用 +HH:MM，例如 +08:00")
        case .enOffsetFar: ("invalid UTC offset \"{0}\": at most ±14:00",
                           "UTC 偏移“{0}”无效：最多 ±14:00")
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
        case .rwFieldCount: ("{0} fields, but the header has {1}",
                            "有 {0} 个字段，但标题行有 {1} 个")
        case .rwIdMissing: ("the id is missing",
                           "缺少编号")
        case .rwAmountMissing: ("the amount is missing",
                               "缺少金额")
        case .rwTimeMissing: ("the time is missing",
                             "缺少时间")
        case .rwDisagree: ("amount and amount_minor disagree",
                          "amount 与 amount_minor 不一致")
        case .rwAmountMinor: ("amount_minor \"{0}\" is not a whole number of minor units from 0 to {1}",
                             "amount_minor“{0}”不是 0 到 {1} 之间的最小单位整数")
        case .rwNoTimeOfDay: ("the time \"{0}\" has no time of day",
                             "时间“{0}”没有具体时刻")
        case .rwNotADate: ("the date \"{0}\" is not a date such as 2026-11-22 or 2026/11/22",
                          "日期“{0}”不是 2026-11-22 或 2026/11/22 这样的日期")
        case .rwNotUTF8: ("the row is not UTF-8 text (a file saved as GBK, as Excel on Chinese Windows does, imports with --encoding gbk)",
                         "这一行不是 UTF-8 文本（保存为 GBK 的文件，例如中文 Windows 上的 Excel 保存的，用 --encoding gbk 导入）")
        case .rwQuote: ("line {0}: a quoted field is never closed",
                       "第 {0} 行：引号括起的字段没有闭合")
        case .rwQuoteHint: ("check the quotes in the CSV file",
                           "请检查 CSV 文件中的引号")
        case .rwEmpty: ("{0} is empty: no header line",
                       "{0} 是空的：没有标题行")
        case .rwEmptyHint: ("the first line of a CSV import names the columns: {0}",
                           "CSV 导入的第一行是列名：{0}")
        case .fkIndex: ("index",
                       "索引")
        case .fkKeyslot: ("keyslot",
                         "密钥槽")
        case .fkRecord: ("record",
                        "记录")
        case .fkData: ("data",
                      "数据")
        case .fkAudit: ("audit event",
                       "审计事件")
        case .fkLockout: ("lockout counter",
                         "锁定计数")
        case .stHoursNotSet: ("off",
                             "未设置")
        case .statusLocked: ("locked", "已锁定")
        case .editJSONExample: ("e.g. {\"phone\": \"13812345678\"}; \"\" clears one", "例如 {\"phone\": \"13812345678\"}；\"\" 表示清除该项")
        case .userFromJSONStdinNewPassword: ("--from-json - reads standard input, so the new password cannot: use --generate, --generate-strong or --new-password-file",
                                            "--from-json - 要读取标准输入，所以新密码不能也从那里读：请用 --generate、--generate-strong 或 --new-password-file")
        case .showName: ("name:             {0}",
                        "姓名：           {0}")
        case .showRole: ("role:             {0}",
                        "角色：           {0}")
        case .showStatus: ("status:           {0}",
                          "状态：           {0}")
        case .showLockedUntil: ("locked until {0}",
                               "锁定到 {0}")
        case .showPhone: ("phone:            {0}",
                         "手机：           {0}")
        case .showEmail: ("email:            {0}",
                         "邮箱：           {0}")
        case .showCreated: ("created:          {0}",
                           "创建时间：       {0}")
        case .showPasswordChanged: ("password changed: {0}{1}",
                                   "密码修改时间：   {0}{1}")
        case .showMustChange: (" (must be changed at next login)",
                              "（下次登录时必须修改）")
        case .showFailedLogins: ("failed logins:    {0}",
                                "登录失败次数：   {0}")
        case .showOneTimeCodes: ("one-time codes:   {0}",
                                "一次性验证码：   {0}")
        case .wordOn: ("on",
                      "已开启")
        case .wordOff: ("off",
                       "已关闭")
        case .passwdChanged: ("Password of {0} changed.",
                             "{0} 的密码已修改。")
        case .passwdNew: ("New password: {0}",
                         "新密码：{0}")
        case .passwdReset: ("Password of {0} reset; it must be changed at first login.",
                           "{0} 的密码已重置；首次登录时必须修改。")
        case .roleChanged: ("{0} is now {1}; the temporary password must be changed at first login.",
                           "{0} 现在是{1}；首次登录时必须修改临时密码。")
        case .userAlreadyEnabled: ("{0} is already enabled.",
                                  "{0} 本来就是启用的。")
        case .userEnabled: ("{0} is enabled; the temporary password must be changed at first login.",
                           "{0} 已启用；首次登录时必须修改临时密码。")
        case .chooseOnePhone: ("choose one of --phone and --clear-phone",
                              "--phone 和 --clear-phone 只能选一个")
        case .chooseOneEmail: ("choose one of --email and --clear-email",
                              "--email 和 --clear-email 只能选一个")
        case .editSayWhat: ("say what to change: --phone, --email, --clear-phone, --clear-email, or the keys \"phone\" and \"email\" in --from-json FILE or --from-json - (standard input, which keeps them out of `ps` and shell history); on a terminal, with none of these, it asks",
                           "请说明要改什么：--phone、--email、--clear-phone、--clear-email，或 --from-json FILE 或 --from-json -（标准输入，不会出现在 `ps` 和命令历史里）中的键 \"phone\" 和 \"email\"；在终端上不给这些的话，会逐项询问")
        case .editJSONNeither: ("the JSON document gives neither \"phone\" nor \"email\"; nothing was changed",
                               "JSON 文档里既没有 \"phone\" 也没有 \"email\"；没有任何改动")
        case .editDone: ("{0}: phone {1}, e-mail {2}",
                        "{0}：手机 {1}，邮箱 {2}")
        case .totpUnknownAlgorithm: ("unknown --algorithm \"{0}\": use sha1 (the default, which every authenticator app reads), sha256 or sha512",
                                    "不认识的 --algorithm “{0}”：请用 sha1（默认，所有验证器应用都能读）、sha256 或 sha512")
        case .totpPNGExists: ("{0} already exists; choose another file name for --qr-png (the QR code holds the secret, so vaultcli never overwrites a file with it)",
                             "{0} 已经存在；请给 --qr-png 换一个文件名（二维码里含有密钥，所以 vaultcli 从不用它覆盖文件）")
        case .totpScan: ("Scan this with your authenticator app ({0}, 6 digits, 30 s), then run `vaultcli user totp confirm --user {1}`:",
                        "请用验证器应用扫描（{0}，6 位数字，30 s），然后运行 `vaultcli user totp confirm --user {1}`：")
        case .totpPNG: ("  QR code image: {0} (it holds the secret: delete it once scanned)",
                       "  二维码图片：{0}（里面含有密钥：扫描后请删除）")
        case .promptCodeFromApp: ("Code from the app: ",
                                 "应用上的验证码：")
        case .totpOn: ("One-time codes are on for {0}: login now asks for one after the password.",
                      "{0} 已开启一次性验证码：现在登录时输入密码后还要输入验证码。")
        case .totpOff: ("One-time codes are off for {0}.",
                       "{0} 已关闭一次性验证码。")
        case .rotationDone: ("Every key of the vault was replaced; the old keys open nothing in it now.",
                            "保险库的所有密钥都已更换；旧密钥现在什么也打不开了。")
        case .rotationCodes: ("The recovery codes were replaced too (an admin who could see them lost the role):",
                             "恢复码也已更换（一位能看到它们的管理员失去了这个角色）：")
        case .detailOnlyInEnglish: ("(the details are in English: run the command again with --lang en)",
                                   "详情只有英文版：在命令中加上 --lang en 再运行一次即可看到")
        case .statusActive: ("active", "正常")
        case .statusDisabled: ("disabled", "已停用")

        // MARK: backup and restore
        case .bkWritten: ("backup written: {0} ({1} bytes, read back and checked)", "备份已写入：{0}（{1} 字节，已读回核对）")
        case .bkWrittenStdout: ("backup written to standard output ({0} bytes)", "备份已写到标准输出（{0} 字节）")
        case .bkRemovedOld: ("removed old backup: {0}", "已删除旧备份：{0}")
        case .bkNotRemovedUnmarked: ("not removed (no marker of this vault; --keep never deletes such files): {0}", "未删除（没有本保险库的标记；--keep 从不删除这种文件）：{0}")
        case .bkAuditNotRecorded: ("the backup is complete, but it could not be recorded in the audit log: {0}", "备份已完成，但未能记入审计日志：{0}")
        case .bkNoSuchDirectory: ("no such directory: {0}: is the USB stick plugged in and mounted?", "没有这个目录：{0}：U 盘插好并挂载了吗？")
        case .bkNoSuchDirectoryHint1: ("plug the stick in (`lsblk` shows it, `findmnt {0}` shows where it is mounted) and run the backup again",
                                       "请插上 U 盘（`lsblk` 能看到它，`findmnt {0}` 显示挂载位置），然后重新备份")
        case .bkNoSuchDirectoryHint2: ("to write one file instead, give --to NAME.age or -o FILE", "如果要写成一个文件，请用 --to NAME.age 或 -o FILE")
        case .bkNotADirectory: ("{0} is not a directory", "{0} 不是目录")
        case .bkNotADirectoryHint: ("give the USB stick's directory with --to DIR, or a new file with --to NAME.age or -o FILE",
                                    "请用 --to DIR 给出 U 盘的目录，或用 --to NAME.age 或 -o FILE 给出一个新文件")
        case .bkNotAMountPoint: ("{0} is not a mount point: the USB stick is not mounted there, so the backup would land on this terminal's own disk",
                                 "{0} 不是挂载点：U 盘没有挂载在那里，备份会落在这台终端自己的磁盘上")
        case .bkNotAMountPointHint: ("plug the stick in and check with `findmnt {0}`; then run the backup again", "请插上 U 盘并用 `findmnt {0}` 检查；然后重新备份")
        case .bkSameDevice: ("{0} is on the same device as the vault: a backup there is lost with the terminal", "{0} 与保险库在同一个设备上：终端坏了，备份也会一起丢失")
        case .bkSameDeviceHint: ("back up to a USB stick or another disk, mounted at its own directory", "请备份到 U 盘或另一块磁盘（挂载在自己的目录上）")
        case .bkKeepAtLeastOne: ("--keep needs a number of at least 1", "--keep 需要一个至少为 1 的数")
        case .bkSayWhere: ("say where the backup goes: --to DIR (the USB stick), --to NAME.age, -o FILE, or --to - for stdout",
                           "请说明备份写到哪里：--to DIR（U 盘）、--to NAME.age、-o FILE，或 --to - 写到标准输出")
        case .bkChooseToOrOutput: ("choose one of --to and -o/--output", "--to 和 -o/--output 只能选一个")
        case .bkKeepOnlyDirectory: ("--keep applies only when --to names a directory", "只有 --to 指向目录时才能用 --keep")
        case .bkRequireMountOnlyDirectory: ("--require-mount applies only when --to names a directory", "只有 --to 指向目录时才能用 --require-mount")
        case .bkSayHowToOpen: ("say how to open the backup: --identity FILE or --passphrase", "请说明怎样打开备份：--identity FILE 或 --passphrase")
        case .bkKeepDeletedNothing: ("--keep deleted nothing: this backup carries no marker of the vault ({0}), and --keep deletes only backups whose authenticated marker names this vault",
                                     "--keep 没有删除任何文件：这个备份没有保险库的标记（{0}），而 --keep 只删除带有本保险库认证标记的备份")
        case .bkSuspicious: ("{0} claims to be a backup of this vault, but its marker does not verify or is dated after this backup; it was not deleted (check where it came from)",
                             "{0} 自称是本保险库的备份，但它的标记无法验证，或日期晚于这次备份；它没有被删除（请查明它的来源）")
        case .sumVerbOK: ("backup OK", "备份完好")
        case .sumVerbRestored: ("restored to {0}", "已恢复到 {0}")
        case .sumHeader: ("{0}: vaultcli backup v{1} of terminal {2}", "{0}：终端 {2} 的 vaultcli 备份（格式 v{1}）")
        case .sumCreated: ("  created:   {0}", "  创建时间：  {0}")
        case .sumVaultId: ("  vault id:  {0}", "  保险库 ID： {0}")
        case .sumVault: ("  vault:     {0} bytes, BLAKE2b-256 {1}", "  保险库：    {0} 字节，BLAKE2b-256 {1}")
        case .sumSealedTo: ("  sealed to: {0}{1}", "  加密给：    {0}{1}")
        case .sumArmored: (" (armored)", "（ASCII 封装）")
        case .sumMarker: ("  marker:    vault id {0}, terminal {1}, {2} (for --keep)", "  标记：      保险库 ID {0}，终端 {1}，{2}（供 --keep 使用）")
        case .sumNoMarker: ("  marker:    none (--keep never deletes this file)", "  标记：      无（--keep 从不删除这个文件）")
        case .sumHolds: ("  holds:     {0} operators, {1} keyslots, {2} records, {3} data frames, {4} audit events",
                         "  内容：      {0} 个操作员，{1} 个密钥槽，{2} 条记录，{3} 个数据帧，{4} 条审计事件")
        case .rsNoRoster: ("no --roster was given: the backup's signed manifest was not checked (only the backup's own integrity)",
                           "没有给出 --roster：未检查备份的签名清单（只检查了备份本身的完整性）")
        case .rsAuditNotRecorded: ("the vault is restored, but the restore could not be recorded in its audit log: {0}", "保险库已恢复，但这次恢复未能记入它的审计日志：{0}")
        case .rsReplaced: ("  replaced vault {0} (terminal {1}); it was moved to {2}", "  已替换保险库 {0}（终端 {1}）；它被移到了 {2}")
        case .rsMovedUnidentified: ("  the previous file (not identified as a vault) was moved to {0}", "  原来的文件（无法识别为保险库）被移到了 {0}")
        case .rsMovedPrevious: ("  the previous vault was moved to {0}", "  原来的保险库被移到了 {0}")
        case .progressBackup: ("backup:", "备份：")
        case .progressRestore: ("restore:", "恢复：")
        case .progressVerify: ("verify:", "校验：")
        case .progressMB: ("{0} {1} MB", "{0} {1} MB")
        case .progressOfMB: ("{0} {1} of {2} MB ({3}%)", "{0} {1} / {2} MB（{3}%）")

        // MARK: help
        case .helpRootAbstract: ("An encrypted credential vault and backup tool for point-of-sale terminals.", "收银终端用的加密凭据保险库和备份工具。")
        case .helpRootDiscussion: ("Secrets are never taken from the command line: they come from a TTY prompt, --password-stdin, or --password-file. The language is chosen with --lang en|zh-Hans, $VAULTCLI_LANG, or the locale ($LC_ALL, $LC_MESSAGES, $LANG). Times are shown in local time with its offset ($TZ, else /etc/localtime); --utc anywhere on the command line (or VAULTCLI_UTC=1) shows UTC instead, and makes dates and days UTC ones. JSON is always UTC. Tables are cut to $COLUMNS, else to the terminal's width (never when writing to a file or a pipe).",
                                  "密码等机密从不从命令行读取：只来自终端提示、--password-stdin 或 --password-file。语言用 --lang en|zh-Hans、$VAULTCLI_LANG 或区域设置（$LC_ALL、$LC_MESSAGES、$LANG）选择。时间按本地时间显示并带时区偏移（$TZ，否则 /etc/localtime）；在命令行任意位置加 --utc（或设置 VAULTCLI_UTC=1）则显示 UTC，日期和天也按 UTC 计算。JSON 始终用 UTC。表格按 $COLUMNS 截断，否则按终端宽度（写入文件或管道时从不截断）。")
        case .helpVaultOption: ("The vault file. Default: $VAULTCLI_VAULT, else $XDG_DATA_HOME/vaultcli/vault.", "保险库文件。默认：$VAULTCLI_VAULT，否则 $XDG_DATA_HOME/vaultcli/vault。")
        case .helpPasswordStdin: ("Read the password from standard input (one line).", "从标准输入读取密码（一行）。")
        case .helpPasswordFile: ("Read the password from a file that only its owner can read (mode 0600).", "从只有所有者能读的文件（权限 0600）读取密码。")
        case .helpJSON: ("Print machine-readable JSON.", "输出机器可读的 JSON。")
        case .helpUserOption: ("The operator running the command. Default: $VAULTCLI_USER.", "运行命令的操作员。默认：$VAULTCLI_USER。")
        case .helpSessionUserOption: ("Act as this operator for this command only (asks for the password). Default: the session of `vaultcli unlock`.",
                                      "仅在这个命令中以该操作员身份操作（会询问密码）。默认：`vaultcli unlock` 开始的会话。")
        case .helpInit: ("Create a vault and its first admin; print the recovery kit (ten one-time recovery codes) once.", "新建保险库及第一位管理员；打印一次恢复包（十个一次性恢复码）。")
        case .helpLogin: ("Check an operator's password; say if it expires soon.", "检查操作员的密码；快过期时提醒。")
        case .helpTx: ("Transaction records: add, list, import, export, summarise.", "交易记录：记录、列出、导入、导出、汇总。")
        case .helpTxAdd: ("Record one transaction (appended as one frame; never rewrites the vault).", "记录一笔交易（追加为一帧；从不重写保险库）。")
        case .helpTxList: ("List transactions in the order they were recorded (streaming; a cashier sees their own).", "按记录顺序列出交易（流式输出；收银员只能看到自己的）。")
        case .helpUser: ("Manage operators: add, list, show, passwd, role, disable, enable, remove, unlock.", "管理操作员：添加、列出、查看、改密码、角色、停用、启用、删除、解除锁定。")
        case .helpUserAdd: ("Add an operator (admins: any role; managers: cashiers).", "添加操作员（管理员：任何角色；店长：收银员）。")
        case .helpBackup: ("Seal the vault into an age backup; verify or list backups.", "把保险库加密成 age 备份；校验或列出备份。")
        case .helpBackupCreate: ("Back up the vault to a directory, a file, or stdout (-). Needs no password.", "把保险库备份到目录、文件或标准输出（-）。不需要密码。")
        case .helpRestore: ("Restore the vault from a backup (a file, or - for stdin).", "从备份恢复保险库（文件，或用 - 表示标准输入）。")
        case .helpStatus: ("What needs looking at: passwords about to expire, the last backup, failed logins, off-hours logins, recovery codes (managers and admins).",
                          "需要关注的事项：即将过期的密码、最近一次备份、失败的登录、非营业时间的登录、恢复码（店长和管理员）。")
        case .helpRecover: ("Recover a forgotten password or user name; manage recovery codes and questions.",
                           "找回忘记的密码或用户名；管理恢复码和密保问题。")
        case .helpUnlock: ("Start a session: later commands act as this operator without asking for the password.",
                          "开始一个会话：之后的命令以这个操作员的身份运行，不再询问密码。")
        case .helpLock: ("End the session at once (the agent wipes the keys and exits).",
                        "立即结束会话（会话代理擦除密钥后退出）。")
        case .helpGenpass: ("Generate random passwords, passphrases (EFF long wordlist) or PINs.",
                           "生成随机密码、口令（EFF 长词表）或 PIN。")
        case .helpCheckPassword: ("Rate a password against the password policy and estimate its strength.",
                                 "按密码规则评估密码并估计其强度。")
        case .helpAccount: ("Merchant payment-service accounts (admins only: sealed under the admin key).",
                           "商户支付服务账号（仅限管理员：用管理员密钥加密）。")
        case .helpAudit: ("Read and check the audit log (managers and admins).",
                         "查看和检查审计日志（店长和管理员）。")
        case .helpPolicy: ("Show or change the password policy (changing needs an admin).",
                          "查看或修改密码规则（修改需要管理员）。")
        case .helpKeygen: ("Generate an age-compatible recovery key pair (AGE-SECRET-KEY-1... / age1...).",
                          "生成与 age 兼容的恢复密钥对（AGE-SECRET-KEY-1... / age1...）。")
        case .helpVerify: ("Check the vault's integrity: every frame, the chain, the index.",
                          "检查保险库的完整性：每一帧、链和索引。")
        case .helpInfo: ("Show the vault's format, key-derivation parameters and counts (no password needed).",
                        "显示保险库的格式、密钥派生参数和数量统计（不需要密码）。")
        case .helpUpgrade: ("Move a format-v1 vault to format v2 (admins). Every key is replaced and the recovery codes are renewed; the v1 file is kept beside the vault.",
                           "把格式 v1 的保险库升级到格式 v2（管理员）。所有密钥都会更换，恢复码也会更新；v1 文件保留在保险库旁边。")
        case .helpRekey: ("Replace every key of the vault and re-encrypt everything under the new ones (admins), e.g. after a cashier left with a copy of the file.",
                         "更换保险库的所有密钥，并用新密钥重新加密全部内容（管理员），例如在某位收银员带着文件副本离职之后。")
        case .helpFleet: ("A chain's backups on one object store, through rclone: enrol a terminal; list, prune and verify at head office.",
                         "连锁店的备份通过 rclone 存到同一个对象存储：登记终端；在总部列出、清理和校验。")
        case .sumVaultNoDigest: ("  vault:     {0} bytes",
                                "  保险库：    {0} 字节")
        case .infoMerchant: ("merchant:       {0}",
                            "商户名称：     {0}")
        case .infoMerchantNone: ("merchant:       (none set: `vaultcli policy set merchant-name NAME`)",
                                "商户名称：     （未设置：`vaultcli policy set merchant-name NAME`）")
        case .dHereCheckPassword: (" Here that is --user, --phone, --email, --birthday, --name and --merchant (JSON keys \"user\", \"phone\", \"email\", \"birthday\", \"name\", \"terminal-id\", \"merchant\"); on a terminal, with none of them and no --from-json, each is asked for (Enter skips it). With --from-json -, the password comes from --password-file or the terminal.",
                                  "这里指 --user、--phone、--email、--birthday、--name 和 --merchant（JSON 键 \"user\"、\"phone\"、\"email\"、\"birthday\"、\"name\"、\"terminal-id\"、\"merchant\"）；在终端上，如果这些都没有给出，也没有 --from-json，会逐项询问（按回车跳过）。使用 --from-json - 时，密码从 --password-file 或终端读取。")
        case .cpJSONStdinNoTerminal: ("--from-json - takes standard input, and there is no terminal to ask for the password on",
                                     "--from-json - 占用了标准输入，而且没有终端可以询问密码")
        case .cpJSONStdinNoTerminalHint: ("give the password with --password-file PATH (mode 0600), or the JSON document with --from-json FILE",
                                         "用 --password-file PATH（权限 0600）提供密码，或用 --from-json FILE 提供 JSON 文档")
        case .cpAskUser: ("User name the password is for (Enter to skip): ",
                         "密码所属的用户名（回车跳过）：")
        case .cpAskPhone: ("Their phone (+8613812345678 or 13812345678; Enter to skip): ",
                          "其手机号（+8613812345678 或 13812345678；回车跳过）：")
        case .cpAskEmail: ("Their e-mail (Enter to skip): ",
                          "其邮箱（回车跳过）：")
        case .cpAskBirthday: ("Their birthday, YYYY-MM-DD (Enter to skip): ",
                             "其生日，YYYY-MM-DD（回车跳过）：")
        case .cpAskName: ("Another name linked to them, e.g. a real name (Enter to skip): ",
                         "与其有关的另一个名字，例如真实姓名（回车跳过）：")
        case .cpAskMerchant: ("The shop's (merchant's) name (Enter to skip): ",
                             "店铺（商户）名称（回车跳过）：")
        case .dInitMerchant: ("The merchant's (shop's) name (--merchant-name, JSON key \"merchant-name\", or asked on a terminal) is kept in the vault, shown by `info` and `status`, and refused inside every password (as typed, and its pinyin); an admin changes it later with `vaultcli policy set merchant-name NAME`.",
                             "商户（店铺）名称（--merchant-name、JSON 键 \"merchant-name\"，或在终端上询问）保存在保险库中，由 `info` 和 `status` 显示；任何密码都不能包含它（原样或其拼音）。管理员以后可以用 `vaultcli policy set merchant-name NAME` 修改。")
        case .hInitMerchant: ("The merchant's (shop's) name, as on its sign or receipts, e.g. 王记面馆: passwords built from it are refused.",
                             "商户（店铺）名称，与招牌或小票上的一致，例如 王记面馆：由它构成的密码会被拒绝。")
        case .initAskMerchant: ("The shop's (merchant's) name, as on its sign or receipts (Enter for none): ",
                               "店铺（商户）名称，与招牌或小票上的一致（回车表示不设置）：")
        case .initMerchant: ("  merchant:    {0}",
                            "  商户名称：  {0}")
        case .dPolicySetMerchant: ("`vaultcli policy set merchant-name 王记面馆` sets the shop's name (\"\" clears it): it is kept in the admin-signed vault settings, shown by `info` and `status`, and every new password is refused when it contains it or its pinyin.",
                                  "`vaultcli policy set merchant-name 王记面馆` 设置店铺名称（\"\" 表示清除）：它保存在管理员签名的保险库设置中，由 `info` 和 `status` 显示；包含它或其拼音的新密码都会被拒绝。")
        case .poMerchantCleared: ("merchant-name cleared",
                                 "merchant-name 已清除")
        case .kitCodeNotShown: ("recovery code {0} could not be shown (no locked memory left for it)",
                               "第 {0} 个恢复码无法显示（没有可用的锁定内存）")
        case .kitCodeNotShownHint: ("make a new set with `vaultcli recover codes --regenerate`",
                                   "用 `vaultcli recover codes --regenerate` 生成一组新的恢复码")
        case .stMerchant: ("Merchant: {0}",
                          "商户：{0}")
        case .stMerchantNone: ("Merchant: none set (an admin sets it with `vaultcli policy set merchant-name NAME`; passwords built from it are then refused)",
                              "商户：未设置（管理员可以用 `vaultcli policy set merchant-name NAME` 设置；之后由它构成的密码会被拒绝）")
        case .excelNeedsCSV: ("--excel shapes CSV: give it with --csv",
                             "--excel 只用于 CSV：请与 --csv 一起使用")
        case .hExcelWithCSV: ("With --csv: UTF-8 with a byte order mark and CR LF line ends, which Excel on Chinese Windows opens.",
                             "与 --csv 一起使用：带 BOM 的 UTF-8 和 CRLF 换行，中文 Windows 上的 Excel 可以直接打开。")
        case .hExcelExport: ("CSV for Excel on Chinese Windows: UTF-8 with a byte order mark, CR LF line ends.",
                            "给中文 Windows 上的 Excel 用的 CSV：带 BOM 的 UTF-8，CRLF 换行。")
        case .excelNotCSV: ("--excel shapes CSV, not {0}",
                           "--excel 只用于 CSV，不能用于 {0}")
        case .excelNotCSVHint: ("use --format csv with --excel",
                               "请把 --format csv 与 --excel 一起使用")
        case .hImportEncoding: ("The file's text encoding: utf-8, gbk (GB18030, as Excel on Chinese Windows saves CSV) or auto (UTF-8, else GB18030).",
                               "文件的文本编码：utf-8、gbk（GB18030，中文 Windows 上的 Excel 保存 CSV 时用的编码）或 auto（先试 UTF-8，否则按 GB18030）。")
        case .importReadAsGB: ("{0} was read as GB18030 (GBK): its text is not UTF-8",
                              "{0} 按 GB18030（GBK）读取：它的文本不是 UTF-8")
        case .colFile: ("FILE",
                       "文件")
        case .colCreated: ("CREATED",
                          "创建时间")
        case .helpAgent: ("The session agent (started by `vaultcli unlock`; not for direct use).",
                         "会话代理（由 `vaultcli unlock` 启动；不要直接使用）。")
        }
    }
}
