; TSN Desktop setup for Windows (NSIS 3, Modern UI 2), French first, English second.
; Built by build_installer.py on Windows:
;   makensis /DVERSION=0.1.0 /DSOURCE_DIR=dist\tsn-desktop /DICON=build\icons\tsn-desktop.ico
;            /DOUTFILE=dist\tsn-desktop-0.1.0-setup.exe installers\windows\tsn-desktop.nsi
; SOURCE_DIR is PyInstaller's --onedir folder (installers/tsn_desktop.spec).

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION is required: makensis /DVERSION=x.y.z"
!endif
!ifndef SOURCE_DIR
  !error "SOURCE_DIR is required: the frozen app folder (dist\tsn-desktop)"
!endif
!ifndef OUTFILE
  !define OUTFILE "tsn-desktop-${VERSION}-setup.exe"
!endif

!define APP_NAME "TSN Desktop"
!define APP_EXE "tsn-desktop.exe"
!define PUBLISHER "TSN Desktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\TSN Desktop"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
; One installation for every login of the computer (a shared consulting room); each
; practitioner's profile lives in his or her own application data folder, never here.
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "Software\TSN Desktop"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default: French, as in the application.
!insertmacro MUI_LANGUAGE "French"
!insertmacro MUI_LANGUAGE "English"

LangString SecAppName ${LANG_FRENCH} "TSN Desktop (obligatoire)"
LangString SecAppName ${LANG_ENGLISH} "TSN Desktop (required)"
LangString SecDesktopName ${LANG_FRENCH} "Raccourci sur le Bureau"
LangString SecDesktopName ${LANG_ENGLISH} "Desktop shortcut"
LangString Need64Bit ${LANG_FRENCH} "TSN Desktop demande une version 64 bits de Windows."
LangString Need64Bit ${LANG_ENGLISH} "TSN Desktop needs a 64-bit version of Windows."
LangString StillRunning ${LANG_FRENCH} "TSN Desktop est ouvert. Fermez-le (vos données enregistrées ne sont pas touchées), puis cliquez sur Réessayer."
LangString StillRunning ${LANG_ENGLISH} "TSN Desktop is open. Close it (your saved data are not touched), then click Retry."
LangString KeptProfiles ${LANG_FRENCH} "Les profils des praticiens (dossiers chiffrés dans les données d'application de chaque session) sont conservés."
LangString KeptProfiles ${LANG_ENGLISH} "The practitioners' profiles (encrypted folders in each login's application data) are kept."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_FRENCH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_FRENCH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_FRENCH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_FRENCH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_FRENCH} "FileDescription" "Installation de ${APP_NAME}"
VIAddVersionKey /LANG=${LANG_FRENCH} "LegalCopyright" "${PUBLISHER}"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(Need64Bit)"
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

!macro CheckNotRunning
  ; Replacing files under a running app would leave a half-updated installation.
  retry:
  ClearErrors
  FileOpen $0 "$INSTDIR\${APP_EXE}" a
  ${If} ${Errors}
    ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" IDRETRY retry
      Abort
    ${EndIf}
  ${Else}
    FileClose $0
  ${EndIf}
!macroend

Section "!$(SecAppName)" SecApp
  SectionIn RO
  !insertmacro CheckNotRunning
  ; An update replaces the program folder whole: no file of an older version lingers.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}"
SectionEnd

Section "Uninstall"
  !insertmacro CheckNotRunning
  ; Only the program folder: profiles live in each login's AppData and stay.
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\TSN Desktop"
  DetailPrint "$(KeptProfiles)"
SectionEnd
