; Amicale's Windows installer (NSIS 3), built by packaging/windows/make-installer:
;
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSOURCE=dist\amicale
;            -DICON=build\assets\amicale.ico -DOUTFILE=dist\amicale-0.1.0-setup.exe amicale.nsi
;
; Installs for the current user only (no administrator rights: CMs install it on their own
; laptop) into %LOCALAPPDATA%\Programs\Amicale, with a Start-menu shortcut, an entry in
; "Installed apps", and the .amicale file association (a backup opens in Amicale as its data
; file). Installing over an older version replaces the program and keeps the data, which the
; new version upgrades at its first start, after a verified backup. The uninstaller removes the
; program and keeps the user's data (%LOCALAPPDATA%\amicale) unless asked to delete it.
; English and French pages, chosen from the system's language.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "define VERSION (makensis -DVERSION=…)"
!endif
!ifndef VERSION4
  !define VERSION4 "${VERSION}.0"
!endif
!ifndef SOURCE
  !error "define SOURCE: the one-folder build (dist\amicale)"
!endif
!ifndef OUTFILE
  !define OUTFILE "amicale-${VERSION}-setup.exe"
!endif

!define APP_NAME "Amicale"
!define APP_ID "amicale"
!define PUBLISHER "The Amicale contributors"
!define GUI_EXE "amicalew.exe"
!define CLI_EXE "amicale.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define FILE_CLASS "Amicale.Backup"
; Where Amicale keeps its data on Windows (platformdirs.user_data_dir("amicale")): the data
; file, its backups, the preferences and the logs.
!define DATA_DIR "$LOCALAPPDATA\${APP_ID}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "Software\${APP_NAME}" "InstallDir"
RequestExecutionLevel user
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APP_NAME}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!define MUI_COMPONENTSPAGE_NODESC
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString FileTypeName ${LANG_ENGLISH} "Amicale backup"
LangString FileTypeName ${LANG_FRENCH} "Sauvegarde Amicale"
LangString SectionProgram ${LANG_ENGLISH} "Amicale (the program)"
LangString SectionProgram ${LANG_FRENCH} "Amicale (le programme)"
LangString SectionData ${LANG_ENGLISH} "Also delete my Amicale data (members, backups, preferences)"
LangString SectionData ${LANG_FRENCH} "Supprimer aussi mes données Amicale (membres, sauvegardes, préférences)"
LangString ConfirmDeleteData ${LANG_ENGLISH} "Delete the Amicale data in $\"${DATA_DIR}$\"? The members it holds cannot be recovered unless you kept a backup elsewhere."
LangString ConfirmDeleteData ${LANG_FRENCH} "Supprimer les données Amicale de $\"${DATA_DIR}$\" ? Les membres qu'elles contiennent seront perdus, sauf sauvegarde conservée ailleurs."
LangString Needs64Bit ${LANG_ENGLISH} "Amicale needs a 64-bit version of Windows."
LangString Needs64Bit ${LANG_FRENCH} "Amicale nécessite une version 64 bits de Windows."
LangString StillRunning ${LANG_ENGLISH} "Amicale is running. Close it, then click Retry."
LangString StillRunning ${LANG_FRENCH} "Amicale est ouvert. Fermez-le, puis cliquez sur Réessayer."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(Needs64Bit)"
    Abort
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "-Program" SecProgram
  SetOutPath "$INSTDIR"
  ; An older version's program files go first (its data stays where it is, outside $INSTDIR).
  ; If Amicale is running, its files cannot be replaced: ask to close it.
  retry:
  ClearErrors
  ${If} ${FileExists} "$INSTDIR\_internal\*.*"
    RMDir /r "$INSTDIR\_internal"
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" IDRETRY retry
      Abort
    ${EndIf}
  ${EndIf}
  File /r "${SOURCE}\*.*"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  ; .amicale files (backups) open in Amicale as its data file.
  WriteRegStr HKCU "Software\Classes\.amicale" "" "${FILE_CLASS}"
  WriteRegStr HKCU "Software\Classes\${FILE_CLASS}" "" "$(FileTypeName)"
  WriteRegStr HKCU "Software\Classes\${FILE_CLASS}\DefaultIcon" "" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "Software\Classes\${FILE_CLASS}\shell\open\command" "" '"$INSTDIR\${GUI_EXE}" --db "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "Software\${APP_NAME}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "!un.$(SectionProgram)" UnSecProgram
  SectionIn RO
  ; Only what the installer put there: a portable `data` folder or anything the user added
  ; beside the program stays, and so does the folder when it is not empty.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"

  ReadRegStr $0 HKCU "Software\Classes\.amicale" ""
  ${If} $0 == "${FILE_CLASS}"
    DeleteRegKey HKCU "Software\Classes\.amicale"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${FILE_CLASS}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_NAME}"
SectionEnd

; Unselected unless the user ticks it: the data is kept by default.
Section /o "un.$(SectionData)" UnSecData
  ${If} ${FileExists} "${DATA_DIR}\*.*"
    ; A silent uninstall (/S) never deletes data, whatever the selection.
    IfSilent done
    MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(ConfirmDeleteData)" IDYES +2
    Goto done
    RMDir /r "${DATA_DIR}"
  ${EndIf}
  done:
SectionEnd
