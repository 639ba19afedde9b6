<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AgeWords</name>
    <message numerus="yes">
        <location filename="../tsn_desktop/patients/ui/texts.py" line="+93"/>
        <source>%n year(s)</source>
        <comment>age</comment>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n month(s)</source>
        <comment>age</comment>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s)</source>
        <comment>age</comment>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CareTeamTab</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/care_team_tab.py" line="+53"/>
        <source>(name not given)</source>
        <translation>(nom non renseigné)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove from the care team</source>
        <translation>Retirer de l&apos;équipe de soins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 (RPPS %2) from the care team? They will no longer receive the changes made to this patient&apos;s file; what they already have stays on their computer.</source>
        <translation>Retirer %1 (RPPS %2) de l&apos;équipe de soins ? Cette personne ne recevra plus les modifications du dossier de ce patient ; ce qu&apos;elle a déjà reste sur son ordinateur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RPPS number</source>
        <translation>Numéro RPPS</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>The practitioners of the care team see this patient&apos;s file on the hub. Share it with a colleague who takes care of the patient too (home-visit nurse, pharmacist…).</source>
        <translation>Les praticiens de l&apos;équipe de soins voient le dossier de ce patient sur le hub. Partagez-le avec un collègue qui suit aussi le patient (infirmière à domicile, pharmacien…).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Members of the care team</source>
        <translation>Membres de l&apos;équipe de soins</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Care team</source>
        <translation>Équipe de soins</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Share with a colleague…</source>
        <translation>&amp;Partager avec un collègue…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share with a colleague</source>
        <translation>Partager avec un collègue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a colleague to the care team by RPPS number</source>
        <translation>Ajouter un collègue à l&apos;équipe de soins par son numéro RPPS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove from the care team</source>
        <translation>&amp;Retirer de l&apos;équipe de soins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected colleague from the care team</source>
        <translation>Retirer le collègue sélectionné de l&apos;équipe de soins</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The care team cannot be shown in this window.</source>
        <translation>L&apos;équipe de soins ne peut pas être affichée dans cette fenêtre.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No care team yet: on the hub, only the practitioner who created this patient sees the file. Use “Share with a colleague…” to add someone.</source>
        <translation>Pas encore d&apos;équipe de soins : sur le hub, seul le praticien qui a créé ce patient voit le dossier. Utilisez « Partager avec un collègue… » pour ajouter quelqu&apos;un.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The care team could not be read. Open the patient again; if it keeps failing, restart TSN Desktop.</source>
        <translation>L&apos;équipe de soins n&apos;a pas pu être lue. Rouvrez le patient ; si l&apos;échec persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 is now in the care team and will see this file after the next synchronisation.</source>
        <translation>%1 fait maintenant partie de l&apos;équipe de soins et verra ce dossier après la prochaine synchronisation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is already in the care team.</source>
        <translation>%1 fait déjà partie de l&apos;équipe de soins.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is no longer in the care team: the changes made from now on will not reach them.</source>
        <translation>%1 ne fait plus partie de l&apos;équipe de soins : les modifications faites désormais ne lui parviendront plus.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The care team could not be changed. Try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>L&apos;équipe de soins n&apos;a pas pu être modifiée. Réessayez ; si l&apos;échec persiste, redémarrez TSN Desktop.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/date_field.py" line="+47"/>
        <source>Choose in a calendar (Alt+Down)</source>
        <translation>Choisir dans un calendrier (Alt+Bas)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the date in a calendar</source>
        <translation>Choisir la date dans un calendrier</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/errors.py" line="+77"/>
        <source>TSN Desktop — a problem occurred</source>
        <translation>TSN Desktop — un problème est survenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Technical details</source>
        <translation>Détails techniques</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies a technical report for support. It contains no patient data.</source>
        <translation>Copie un rapport technique pour l&apos;assistance. Il ne contient aucune donnée patient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;details</source>
        <translation>&amp;Afficher les détails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Details copied</source>
        <translation>Détails copiés</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Something went wrong in TSN Desktop.</source>
        <translation>Une erreur inattendue s&apos;est produite dans TSN Desktop.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you had saved is safe. Finish or cancel the current task, then carry on. If it happens again, click “Copy details” and send them to your support contact: they contain no patient data.</source>
        <translation>Ce que vous aviez enregistré est conservé. Terminez ou annulez la tâche en cours, puis continuez. Si cela se reproduit, cliquez sur «&#xa0;Copier les détails&#xa0;» et envoyez-les à votre contact d&apos;assistance&#xa0;: ils ne contiennent aucune donnée patient.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../tsn_desktop/ui/wizard.py" line="+228"/>
        <source>TSN Desktop — new profile</source>
        <translation>TSN Desktop — nouveau profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Create my profile</source>
        <translation>&amp;Créer mon profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create my profile</source>
        <translation>Créer mon profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The profile could not be written in {folder}. Check that the disk is not full and that you may write there, then click the button again.</source>
        <translation>Le profil n&apos;a pas pu être enregistré dans {folder}. Vérifiez que le disque n&apos;est pas plein et que vous avez le droit d&apos;y écrire, puis cliquez de nouveau sur le bouton.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Leave the profile creation?</source>
        <translation>Abandonner la création du profil&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed will not be kept.</source>
        <translation>Ce que vous avez saisi ne sera pas conservé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Leave</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep typing</source>
        <translation>&amp;Continuer la saisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the profile creation</source>
        <translation>Abandonner la création du profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep typing</source>
        <translation>Continuer la saisie</translation>
    </message>
</context>
<context>
    <name>HubAccountDialog</name>
    <message>
        <location filename="../tsn_desktop/sync/ui/account.py" line="+34"/>
        <source>Hub account</source>
        <translation>Compte du hub</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+11"/>
        <source>Hub address</source>
        <translation>Adresse du hub</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+10"/>
        <source>Access token</source>
        <translation>Jeton d&apos;accès</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+7"/>
        <source>RPPS number</source>
        <translation>Numéro RPPS</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Your regional hub&apos;s administrator gives you its address and your access token.</source>
        <translation>L&apos;administrateur de votre hub régional vous communique son adresse et votre jeton d&apos;accès.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The hub address must start with https://</source>
        <translation>L&apos;adresse du hub doit commencer par https://</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste the access token the hub administrator gave you.</source>
        <translation>Collez le jeton d&apos;accès que l&apos;administrateur du hub vous a remis.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The account could not be saved. Try again.</source>
        <translation>Le compte n&apos;a pas pu être enregistré. Réessayez.</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../tsn_desktop/ui/wizard.py" line="-231"/>
        <source>Who are you?</source>
        <translation>Qui êtes-vous&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As written in the RPPS directory. Fields marked * are required.</source>
        <translation>Tel que dans l&apos;annuaire RPPS. Les champs marqués d&apos;un * sont obligatoires.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RPPS number</source>
        <translation>Numéro RPPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 digits</source>
        <translation>11 chiffres</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Practice address</source>
        <translation>Adresse du cabinet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Family name *</source>
        <translation>&amp;Nom *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given names *</source>
        <translation>&amp;Prénoms *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Profession *</source>
        <translation>Pro&amp;fession *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;RPPS number *</source>
        <translation>Numéro &amp;RPPS *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Practice &amp;address</source>
        <translation>&amp;Adresse du cabinet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ostal code</source>
        <translation>&amp;Code postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ci&amp;ty</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Valid RPPS number.</source>
        <translation>Numéro RPPS valide.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n digit(s) to go.</source>
        <translation>
            <numerusform>Encore %n chiffre.</numerusform>
            <numerusform>Encore %n chiffres.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IdentityTab</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/patient_file.py" line="+48"/>
        <source>:</source>
        <comment>label suffix</comment>
        <translation>&#xa0;:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>not filled in</source>
        <translation>non renseigné</translation>
    </message>
</context>
<context>
    <name>LockedPage</name>
    <message>
        <location filename="../tsn_desktop/ui/main_window.py" line="+53"/>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient data are hidden until you type your passphrase.</source>
        <translation>Les données des patients sont masquées jusqu&apos;à la saisie de votre phrase de passe.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location line="+25"/>
        <source>TSN Desktop</source>
        <translation>TSN Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSN Desktop main window</source>
        <translation>Fenêtre principale de TSN Desktop</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current page</source>
        <translation>Page affichée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This feature comes in a later version of TSN Desktop. Nothing is missing from your data: this page is simply not available yet.</source>
        <translation>Cette fonction arrive dans une prochaine version de TSN Desktop. Rien ne manque dans vos données&#xa0;: cette page n&apos;est simplement pas encore disponible.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{page} (Ctrl+{number})</source>
        <translation>{page} (Ctrl+{number})</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Menu bar</source>
        <translation>Barre de menus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hub account…</source>
        <translation>Compte du &amp;hub…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Go</source>
        <translation>&amp;Aller à</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About TSN Desktop</source>
        <translation>À &amp;propos de TSN Desktop</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Synchronisation: never — hub not configured</source>
        <translation>Synchronisation&#xa0;: jamais — hub non configuré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synchronisation status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} — {profession}</source>
        <translation>{name} — {profession}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+5"/>
        <source>About TSN Desktop</source>
        <translation>À propos de TSN Desktop</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>TSN Desktop {version}

The practice companion of independent health practitioners: patients, vaccinations, readings, network and agenda.

Your data stay encrypted on this computer.</source>
        <translation>TSN Desktop {version}

L&apos;outil de cabinet des professionnels de santé libéraux&#xa0;: patients, vaccinations, mesures, réseau et agenda.

Vos données restent chiffrées sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../tsn_desktop/ui/wizard.py" line="+24"/>
        <source>Your passphrase</source>
        <translation>Votre phrase de passe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It encrypts your data. Write it down somewhere safe: if it is lost, the data on this computer cannot be opened.</source>
        <translation>Elle chiffre vos données. Notez-la en lieu sûr&#xa0;: si elle est perdue, les données de cet ordinateur ne pourront plus être ouvertes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passphrase confirmation</source>
        <translation>Confirmation de la phrase de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;how what I type</source>
        <translation>A&amp;fficher la saisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the passphrase</source>
        <translation>Afficher la phrase de passe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Remember on this computer</source>
        <translation>Se &amp;souvenir sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember on this computer</source>
        <translation>Se souvenir sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system keyring keeps the key: TSN Desktop opens without asking for the passphrase. The session still locks when you are away.</source>
        <translation>Le trousseau du système garde la clé&#xa0;: TSN Desktop s&apos;ouvre sans demander la phrase de passe. La session se verrouille toujours en votre absence.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No secure keyring is available on this computer, so the passphrase will be asked at each start. You can go on.</source>
        <translation>Aucun trousseau sécurisé n&apos;est disponible sur cet ordinateur&#xa0;: la phrase de passe sera demandée à chaque ouverture. Vous pouvez continuer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Phrase de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirmation</source>
        <translation>&amp;Confirmation</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Type it again in Confirmation.</source>
        <translation>Saisissez-la une seconde fois dans Confirmation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases de passe sont différentes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passphrase accepted.</source>
        <translation>Phrase de passe acceptée.</translation>
    </message>
</context>
<context>
    <name>PatientEditorDialog</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/editor.py" line="+73"/>
        <source>no INS</source>
        <translation>pas d&apos;INS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open the existing file if it is the same person; save a new patient only for a different person (twins, namesakes).</source>
        <translation>Ouvrez le dossier existant s&apos;il s&apos;agit de la même personne&#xa0;; n&apos;enregistrez un nouveau patient que pour une personne différente (jumeaux, homonymes).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save as a new patient</source>
        <translation>Enregistrer comme nouveau patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the existing patient</source>
        <translation>Ouvrir le patient existant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to the form</source>
        <translation>Revenir au formulaire</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the form and lose the changes?</source>
        <translation>Fermer le formulaire et perdre les modifications&#xa0;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lose the changes</source>
        <translation>Perdre les modifications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit patient — %1</source>
        <translation>Modifier le patient — %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Birth name:</source>
        <translation>Nom de &amp;naissance&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Given names:</source>
        <translation>&amp;Prénoms&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Used name:</source>
        <translation>Nom d&apos;&amp;usage&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;x:</source>
        <translation>Se&amp;xe&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date of birth:</source>
        <translation>&amp;Date de naissance&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Place of birth:</source>
        <translation>&amp;Lieu de naissance&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INSEE &amp;code:</source>
        <translation>&amp;Code INSEE&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;INS number:</source>
        <translation>Matricule &amp;INS&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;ostal code:</source>
        <translation>C&amp;ode postal&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cit&amp;y:</source>
        <translation>&amp;Ville&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;hone:</source>
        <translation>&amp;Téléphone&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Treating GP:</source>
        <translation>&amp;Médecin traitant&#xa0;:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>If different from the birth name</source>
        <translation>S&apos;il diffère du nom de naissance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As on the identity document</source>
        <translation>Comme sur la pièce d&apos;identité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 75056</source>
        <translation>ex. 75056</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>15 digits, as on the carte Vitale</source>
        <translation>15 chiffres, comme sur la carte Vitale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 06 12 34 56 78</source>
        <translation>ex. 06 12 34 56 78</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. Dr Anne Martin, Lyon</source>
        <translation>ex. Dr Anne Martin, Lyon</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>INS number check</source>
        <translation>Vérification du matricule INS</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Care</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload the current version</source>
        <translation>&amp;Recharger la version actuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload the current version</source>
        <translation>Recharger la version actuelle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <location line="+160"/>
        <source>%n of 15 characters</source>
        <translation>
            <numerusform>%n caractère sur 15</numerusform>
            <numerusform>%n caractères sur 15</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check the carte Vitale and the form.</source>
        <translation>Vérifiez la carte Vitale et le formulaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid INS number.</source>
        <translation>Matricule INS valide.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>This patient was changed elsewhere (another window or a synchronisation) since you opened the form. Nothing you typed is lost: reload the current version, your changes stay on top of it, then save again.</source>
        <translation>Ce patient a été modifié ailleurs (une autre fenêtre ou une synchronisation) depuis l&apos;ouverture du formulaire. Rien de votre saisie n&apos;est perdu&#xa0;: rechargez la version actuelle, vos modifications restent par-dessus, puis enregistrez de nouveau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The patient could not be saved. What you typed is still in the form: try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>Le patient n&apos;a pas pu être enregistré. Votre saisie est toujours dans le formulaire&#xa0;: réessayez&#xa0;; si l&apos;échec persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Current version loaded. These fields were also changed elsewhere; your text was kept, check it: %1</source>
        <translation>Version actuelle chargée. Ces champs ont aussi été modifiés ailleurs&#xa0;; votre texte a été conservé, vérifiez-le&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Current version loaded, with your changes on top. Check, then save.</source>
        <translation>Version actuelle chargée, avec vos modifications par-dessus. Vérifiez, puis enregistrez.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This patient was deleted elsewhere. Copy what you need from the form, then cancel.</source>
        <translation>Ce patient a été supprimé ailleurs. Copiez ce dont vous avez besoin depuis le formulaire, puis annulez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The current version could not be loaded. Your text is still in the form: try again.</source>
        <translation>La version actuelle n&apos;a pas pu être chargée. Votre saisie est toujours dans le formulaire&#xa0;: réessayez.</translation>
    </message>
</context>
<context>
    <name>PatientFileView</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/patient_file.py" line="+18"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>← &amp;List of patients</source>
        <translation>← &amp;Liste des patients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list of patients</source>
        <translation>Retour à la liste des patients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the list (Esc)</source>
        <translation>Retour à la liste (Échap)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the patient</source>
        <translation>Modifier le patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the identity and contact details (F2)</source>
        <translation>Modifier l&apos;identité et les coordonnées (F2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Patient file</source>
        <translation>Dossier patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Identity</source>
        <translation>&amp;Identité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Care &amp;team</source>
        <translation>Équipe de &amp;soins</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>INS %1</source>
        <translation>INS %1</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/table_model.py" line="+91"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INS</source>
        <translation>INS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treating GP</source>
        <translation>Médecin traitant</translation>
    </message>
</context>
<context>
    <name>PatientTexts</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/texts.py" line="-77"/>
        <source>Birth name</source>
        <translation>Nom de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Used name</source>
        <translation>Nom d&apos;usage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INSEE code of the place of birth</source>
        <translation>Code INSEE du lieu de naissance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>INS number</source>
        <translation>Matricule INS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treating GP</source>
        <translation>Médecin traitant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undetermined</source>
        <translation>Indéterminé</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>F</source>
        <comment>sex, one letter</comment>
        <translation>F</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M</source>
        <comment>sex, one letter</comment>
        <translation>M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U</source>
        <comment>sex undetermined, one letter</comment>
        <translation>I</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (born %2)</source>
        <comment>used name (birth name), female</comment>
        <translation>%1 (née %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (born %2)</source>
        <comment>used name (birth name), male</comment>
        <translation>%1 (né %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (born %2)</source>
        <comment>used name (birth name), sex undetermined</comment>
        <translation>%1 (né·e %2)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 (%2)</source>
        <comment>date of birth (age)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Check the INS number on the carte Vitale or the INSi result.</source>
        <translation>Vérifiez le matricule INS sur la carte Vitale ou dans le résultat INSi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the birth name, as on the identity document.</source>
        <translation>Saisissez le nom de naissance, comme sur la pièce d&apos;identité.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter at least the first given name.</source>
        <translation>Saisissez au moins le premier prénom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the sex (Undetermined if it is not known).</source>
        <translation>Choisissez le sexe (Indéterminé s&apos;il n&apos;est pas connu).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the date of birth as dd/mm/yyyy.</source>
        <translation>Saisissez la date de naissance au format jj/mm/aaaa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This date does not exist: type it as dd/mm/yyyy, for example 05/03/1984.</source>
        <translation>Cette date n&apos;existe pas&#xa0;: saisissez-la au format jj/mm/aaaa, par exemple 05/03/1984.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The date of birth is in the future: check the year.</source>
        <translation>La date de naissance est dans le futur&#xa0;: vérifiez l&apos;année.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date of birth is more than 125 years ago: check the year.</source>
        <translation>La date de naissance remonte à plus de 125 ans&#xa0;: vérifiez l&apos;année.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the 5-character INSEE code (for example 75056 or 2A004), or leave it empty.</source>
        <translation>Saisissez le code INSEE à 5 caractères (par exemple 75056 ou 2A004), ou laissez le champ vide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the 5-digit postal code, for example 75011.</source>
        <translation>Saisissez le code postal à 5 chiffres, par exemple 75011.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a phone number with digits, for example 06 12 34 56 78.</source>
        <translation>Saisissez un numéro de téléphone en chiffres, par exemple 06 12 34 56 78.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter an e-mail address like name@example.fr.</source>
        <translation>Saisissez une adresse e-mail comme nom@exemple.fr.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check this field.</source>
        <translation>Vérifiez ce champ.</translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/page.py" line="+83"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name, date of birth (dd/mm/yyyy) or INS</source>
        <translation>Nom, date de naissance (jj/mm/aaaa) ou INS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search patients</source>
        <translation>Rechercher un patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a name, a date of birth as dd/mm/yyyy, a year or an INS number. Down arrow goes to the list, Enter opens the selected patient.</source>
        <translation>Saisissez un nom, une date de naissance au format jj/mm/aaaa, une année ou un matricule INS. La flèche bas mène à la liste, Entrée ouvre le patient sélectionné.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search:</source>
        <translation>&amp;Rechercher&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New patient</source>
        <translation>&amp;Nouveau patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a patient (Ctrl+N)</source>
        <translation>Créer un patient (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected patient</source>
        <translation>Ouvrir le patient sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected patient (Enter)</source>
        <translation>Ouvrir le patient sélectionné (Entrée)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected patient</source>
        <translation>Modifier le patient sélectionné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected patient (F2)</source>
        <translation>Modifier le patient sélectionné (F2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Patients found</source>
        <translation>Patients trouvés</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Number of patients</source>
        <translation>Nombre de patients</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Create the &amp;first patient</source>
        <translation>Créer le &amp;premier patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the first patient</source>
        <translation>Créer le premier patient</translation>
    </message>
    <message numerus="yes">
        <location line="+111"/>
        <source>%Ln patient(s)</source>
        <comment>in the register</comment>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>First %Ln results — refine the search</source>
        <translation>
            <numerusform>Premier résultat seulement — affinez la recherche</numerusform>
            <numerusform>%Ln premiers résultats seulement — affinez la recherche</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No patient in the register yet. Create the first one with “New patient” (Ctrl+N).</source>
        <translation>Aucun patient enregistré pour l&apos;instant. Créez le premier avec «&#xa0;Nouveau patient&#xa0;» (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No patient matches “%1”. Check the spelling, or search by date of birth (dd/mm/yyyy) or INS number.</source>
        <translation>Aucun patient ne correspond à «&#xa0;%1&#xa0;». Vérifiez l&apos;orthographe, ou cherchez par date de naissance (jj/mm/aaaa) ou matricule INS.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The search could not be run. Type again to retry; if it keeps failing, restart TSN Desktop.</source>
        <translation>La recherche n&apos;a pas pu être lancée. Saisissez de nouveau pour réessayer&#xa0;; si l&apos;échec persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>This patient is no longer in the register (deleted elsewhere). The list has been refreshed.</source>
        <translation>Ce patient n&apos;est plus enregistré (supprimé ailleurs). La liste a été actualisée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The patient file could not be opened. Try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>Le dossier du patient n&apos;a pas pu être ouvert. Réessayez&#xa0;; si l&apos;échec persiste, redémarrez TSN Desktop.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/settings_dialog.py" line="+34"/>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new language applies the next time you start TSN Desktop.</source>
        <translation>La nouvelle langue s&apos;applique au prochain démarrage de TSN Desktop.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lock after inactivity, in minutes</source>
        <translation>Verrouillage après inactivité, en minutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <translation>&#xa0;min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without keyboard or mouse activity for this long, TSN Desktop hides patient data and asks for the passphrase.</source>
        <translation>Sans activité du clavier ou de la souris pendant cette durée, TSN Desktop masque les données des patients et demande la phrase de passe.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Hub account…</source>
        <translation>Compte du &amp;hub…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub account</source>
        <translation>Compte du hub</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address of your regional hub and your access token</source>
        <translation>Adresse de votre hub régional et votre jeton d&apos;accès</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock &amp;after:</source>
        <translation>&amp;Verrouiller après&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synchronisation:</source>
        <translation>Synchronisation :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/care_team_tab.py" line="-356"/>
        <source>Share with a colleague</source>
        <translation>Partager avec un collègue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The colleague will see this patient&apos;s file on the hub after the next synchronisation, and the changes made to it from then on.</source>
        <translation>Le collègue verra le dossier de ce patient sur le hub après la prochaine synchronisation, ainsi que ses modifications ultérieures.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colleague&apos;s RPPS number</source>
        <translation>Numéro RPPS du collègue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 digits</source>
        <translation>11 chiffres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the colleague&apos;s CPS card, or in the Annuaire Santé (annuaire.sante.fr)</source>
        <translation>Sur la carte CPS du collègue, ou dans l&apos;Annuaire Santé (annuaire.sante.fr)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RPPS number problem</source>
        <translation>Problème de numéro RPPS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Colleague&apos;s name (optional)</source>
        <translation>Nom du collègue (facultatif)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Claire Petit, home-visit nurse</source>
        <translation>ex. Claire Petit, infirmière à domicile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;RPPS number:</source>
        <translation>Numéro &amp;RPPS :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name (optional):</source>
        <translation>&amp;Nom (facultatif) :</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Share</source>
        <translation>&amp;Partager</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share the patient&apos;s file</source>
        <translation>Partager le dossier du patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the colleague&apos;s RPPS number: 11 digits, on their CPS card or in the Annuaire Santé (annuaire.sante.fr).</source>
        <translation>Saisissez le numéro RPPS du collègue : 11 chiffres, sur sa carte CPS ou dans l&apos;Annuaire Santé (annuaire.sante.fr).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An RPPS number has digits only. Copy it again from the colleague&apos;s CPS card or from the Annuaire Santé (annuaire.sante.fr).</source>
        <translation>Un numéro RPPS ne contient que des chiffres. Recopiez-le depuis la carte CPS du collègue ou l&apos;Annuaire Santé (annuaire.sante.fr).</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>An RPPS number has 11 digits; this one has %n. Check it against the colleague&apos;s CPS card or the Annuaire Santé (annuaire.sante.fr).</source>
        <translation>
            <numerusform>Un numéro RPPS comporte 11 chiffres ; celui-ci en a %n. Vérifiez-le sur la carte CPS du collègue ou dans l&apos;Annuaire Santé (annuaire.sante.fr).</numerusform>
            <numerusform>Un numéro RPPS comporte 11 chiffres ; celui-ci en a %n. Vérifiez-le sur la carte CPS du collègue ou dans l&apos;Annuaire Santé (annuaire.sante.fr).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a valid RPPS number: a digit was probably mistyped. Check the 11 digits against the colleague&apos;s CPS card or the Annuaire Santé (annuaire.sante.fr).</source>
        <translation>Ce numéro RPPS n&apos;est pas valide : un chiffre a probablement été mal saisi. Vérifiez les 11 chiffres sur la carte CPS du collègue ou dans l&apos;Annuaire Santé (annuaire.sante.fr).</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>This patient is no longer in the register (deleted elsewhere): the file cannot be shared. Cancel, then search for the patient again.</source>
        <translation>Ce patient n&apos;est plus dans le registre (supprimé ailleurs) : le dossier ne peut pas être partagé. Annulez, puis recherchez de nouveau le patient.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The care team could not be saved. What you typed is still here: try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>L&apos;équipe de soins n&apos;a pas pu être enregistrée. Votre saisie est conservée : réessayez ; si l&apos;échec persiste, redémarrez TSN Desktop.</translation>
    </message>
</context>
<context>
    <name>SyncReviewDialog</name>
    <message>
        <location filename="../tsn_desktop/sync/ui/review.py" line="+258"/>
        <location line="+1"/>
        <location line="+3"/>
        <source>Review synchronisation</source>
        <translation>Revoir la synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+66"/>
        <source>Refused by the hub</source>
        <translation>Refusés par le hub</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+3"/>
        <source>No conflict to review.</source>
        <translation>Aucun conflit à revoir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+51"/>
        <location line="+139"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location line="-190"/>
        <location line="+51"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+51"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Conflicts to review</source>
        <translation>Conflits à revoir</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+175"/>
        <source>Select a conflict to compare your copy with the hub&apos;s.</source>
        <translation>Sélectionnez un conflit pour comparer votre version à celle du hub.</translation>
    </message>
    <message>
        <location line="-173"/>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Element</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your copy</source>
        <translation>Votre version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hub copy</source>
        <translation>Version du hub</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your copy and the hub copy, element by element</source>
        <translation>Votre version et celle du hub, élément par élément</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 marks the elements that differ.</source>
        <translation>%1 signale les éléments qui diffèrent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the hub&apos;s version</source>
        <translation>Garder la version du hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes this conflict; the record stays as the hub has it</source>
        <translation>Clôt ce conflit ; la fiche reste telle que le hub la connaît</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use my copy again</source>
        <translation>Reprendre ma version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your copy becomes the record again and is sent to the hub at the next synchronisation</source>
        <translation>Votre version redevient la fiche et sera envoyée au hub à la prochaine synchronisation</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+3"/>
        <source>No change was refused by the hub.</source>
        <translation>Aucune modification n&apos;a été refusée par le hub.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub refused these changes: they stay on this computer. Correct the record if the reason asks for it, then try again.</source>
        <translation>Le hub a refusé ces modifications : elles restent sur cet ordinateur. Corrigez la fiche si le motif le demande, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About refused changes</source>
        <translation>À propos des modifications refusées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub&apos;s reason</source>
        <translation>Motif du hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes refused by the hub</source>
        <translation>Modifications refusées par le hub</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends the selected changes to the hub again</source>
        <translation>Renvoie au hub les modifications sélectionnées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try all again</source>
        <translation>Tout réessayer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends every refused change to the hub again</source>
        <translation>Renvoie au hub toutes les modifications refusées</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The lists could not be read. Close this window and try again.</source>
        <translation>Les listes n&apos;ont pas pu être lues. Fermez cette fenêtre et réessayez.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>This conflict could not be read.</source>
        <translation>Ce conflit n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>differs</source>
        <translation>diffère</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Your copy and the hub&apos;s copy: %n element(s) differ.</source>
        <translation>
            <numerusform>Votre version et celle du hub : %n élément diffère.</numerusform>
            <numerusform>Votre version et celle du hub : %n éléments diffèrent.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Deleted</source>
        <translation>Supprimée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>Présente</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>This could not be done. The lists were read again.</source>
        <translation>L&apos;action n&apos;a pas pu être faite. Les listes ont été relues.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care team</source>
        <translation>Équipe de soins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccination</source>
        <translation>Vaccination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccination recommendation</source>
        <translation>Recommandation vaccinale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory entry</source>
        <translation>Fiche de l&apos;annuaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit entry</source>
        <translation>Entrée du journal d&apos;audit</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <location line="+8"/>
        <source>Changed here and on the hub</source>
        <translation>Modifiée ici et sur le hub</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Identity set by the INS on the hub</source>
        <translation>Identité fixée par l&apos;INS du hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed on one side, deleted on the other</source>
        <translation>Modifiée d&apos;un côté, supprimée de l&apos;autre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted on the hub</source>
        <translation>Supprimée sur le hub</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recorded differently on the hub</source>
        <translation>Enregistrée autrement sur le hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled on one side</source>
        <translation>Annulé d&apos;un côté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status changed here and on the hub</source>
        <translation>Statut modifié ici et sur le hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your change was refused by the hub</source>
        <translation>Votre modification a été refusée par le hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub restored from a backup</source>
        <translation>Hub restauré depuis une sauvegarde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub copy not readable by this version</source>
        <translation>Version du hub illisible par cette version de l&apos;application</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../tsn_desktop/sync/ui/status.py" line="+24"/>
        <source>Synchronisation status</source>
        <translation>État de la synchronisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sends your changes to the hub and fetches your colleagues&apos; changes</source>
        <translation>Envoie vos modifications au hub et récupère celles de vos confrères</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review…</source>
        <translation>Revoir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Review conflicts and refused changes</source>
        <translation>Revoir les conflits et les modifications refusées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens the list of conflicts and of changes the hub refused</source>
        <translation>Ouvre la liste des conflits et des modifications refusées par le hub</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n en attente</numerusform>
            <numerusform>%n en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflit</numerusform>
            <numerusform>%n conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n refused by the hub</source>
        <translation>
            <numerusform>%n refusée par le hub</numerusform>
            <numerusform>%n refusées par le hub</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This computer&apos;s clock differs from the hub&apos;s by more than 5 minutes: check the date and time settings.</source>
        <translation>L&apos;horloge de cet ordinateur diffère de celle du hub de plus de 5 minutes&#xa0;: vérifiez le réglage de la date et de l&apos;heure.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Never synced</source>
        <translation>Jamais synchronisé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Synced just now</source>
        <translation>Synchronisé à l&apos;instant</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Synced %n min ago</source>
        <translation>
            <numerusform>Synchronisé il y a %n min</numerusform>
            <numerusform>Synchronisé il y a %n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synced at %1</source>
        <translation>Synchronisé à %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced on %1</source>
        <translation>Synchronisé le %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>clock off</source>
        <translation>horloge décalée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub unreachable, will retry</source>
        <translation>hub injoignable, nouvel essai prévu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the hub returns an error at every attempt: contact the hub administrator</source>
        <translation>le hub renvoie une erreur à chaque tentative : contactez l&apos;administrateur du hub</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sign in to the hub again</source>
        <translation>reconnectez-vous au hub</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the hub refused the request</source>
        <translation>le hub a refusé la demande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unreadable answer from the hub, will retry</source>
        <translation>réponse illisible du hub, nouvel essai prévu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no hub account set up (File &gt; Hub account…)</source>
        <translation>aucun compte hub configuré (Fichier › Compte du hub…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sync failed, will retry</source>
        <translation>échec de la synchronisation, nouvel essai prévu</translation>
    </message>
</context>
<context>
    <name>TsnApp</name>
    <message>
        <location filename="../tsn_desktop/app.py" line="+56"/>
        <source>The passphrase is right but the practice database does not open: it may be damaged. Restore the profile folder from your backup.</source>
        <translation>La phrase de passe est correcte mais la base de données du cabinet ne s&apos;ouvre pas&#xa0;: elle est peut-être endommagée. Restaurez le dossier du profil depuis votre sauvegarde.</translation>
    </message>
    <message>
        <location line="+476"/>
        <source>The practice database could not be opened.</source>
        <translation>La base de données du cabinet n&apos;a pas pu être ouverte.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/unlock.py" line="+51"/>
        <location line="+74"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>TSN Desktop — session locked</source>
        <translation>TSN Desktop — session verrouillée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSN Desktop — open your profile</source>
        <translation>TSN Desktop — ouvrir votre profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open your profile</source>
        <translation>Ouvrir votre profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient data are hidden. Type your passphrase to carry on where you left off.</source>
        <translation>Les données des patients sont masquées. Saisissez votre phrase de passe pour reprendre là où vous en étiez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type your passphrase to open your patients&apos; data.</source>
        <translation>Saisissez votre phrase de passe pour ouvrir les données de vos patients.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Profiles on this computer</source>
        <translation>Profils de cet ordinateur</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>P&amp;assphrase:</source>
        <translation>P&amp;hrase de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remember on this computer</source>
        <translation>Se &amp;souvenir sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember on this computer</source>
        <translation>Se souvenir sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No secure keyring is available on this computer.</source>
        <translation>Aucun trousseau sécurisé n&apos;est disponible sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demonstration practice with invented patients. The passphrase is: {passphrase}</source>
        <translation>Cabinet de démonstration avec des patients fictifs. La phrase de passe est&#xa0;: {passphrase}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New profile…</source>
        <translation>&amp;Nouveau profil…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit TSN Desktop</source>
        <translation>Quitter TSN Desktop</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This profile&apos;s key file is damaged. Restore the profile folder from your backup, or create a new profile.</source>
        <translation>Le fichier de clé de ce profil est endommagé. Restaurez le dossier du profil depuis votre sauvegarde, ou créez un nouveau profil.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Too many wrong passphrases in a row. For your patients&apos; safety, wait {time} before the next try.</source>
        <translation>Trop de phrases de passe incorrectes à la suite. Pour la sécurité de vos patients, attendez {time} avant le prochain essai.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Wrong passphrase. Check Caps Lock and the keyboard language, then try again.</source>
        <translation>Phrase de passe incorrecte. Vérifiez la touche Verr. Maj et la langue du clavier, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../tsn_desktop/ui/wizard.py" line="-157"/>
        <source>Welcome to TSN Desktop</source>
        <translation>Bienvenue dans TSN Desktop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Let us create your practitioner profile. It takes two minutes.

Your patients&apos; data stay on this computer, encrypted. Only your passphrase opens them: nobody else, not even the TSN team, can recover it for you.

Several practitioners sharing a consulting room each create their own profile.</source>
        <translation>Créons votre profil de praticien. Cela prend deux minutes.

Les données de vos patients restent sur cet ordinateur, chiffrées. Seule votre phrase de passe permet de les ouvrir&#xa0;: personne d&apos;autre, pas même l&apos;équipe TSN, ne peut la retrouver pour vous.

Les praticiens qui partagent un cabinet créent chacun leur propre profil.</translation>
    </message>
</context>
<context>
    <name>WindowCover</name>
    <message>
        <location filename="../tsn_desktop/ui/lock.py" line="+113"/>
        <source>TSN Desktop — locked</source>
        <translation>TSN Desktop — verrouillé</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../tsn_desktop/ui/wording.py" line="+15"/>
        <source>General practitioner</source>
        <translation>Médecin généraliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pharmacist</source>
        <translation>Pharmacien·ne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nurse</source>
        <translation>Infirmier·ère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Midwife</source>
        <translation>Sage-femme</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>At least 12 characters: a sentence of several words is easier to remember.</source>
        <translation>12 caractères au minimum, une phrase de plusieurs mots est plus facile à retenir.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the spaces at the start or the end: they are easy to forget when typing.</source>
        <translation>Retirez les espaces au début ou à la fin&#xa0;: on les oublie facilement à la saisie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too repetitive: use at least 5 different characters, for example a few words.</source>
        <translation>Trop répétitive&#xa0;: utilisez au moins 5 caractères différents, par exemple quelques mots.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This passphrase cannot be used: choose another one.</source>
        <translation>Cette phrase de passe ne peut pas être utilisée&#xa0;: choisissez-en une autre.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type your 11-digit RPPS number (it is on your CPS card).</source>
        <translation>Saisissez votre numéro RPPS à 11 chiffres (il figure sur votre carte CPS).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An RPPS number has digits only.</source>
        <translation>Un numéro RPPS ne contient que des chiffres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An RPPS number has 11 digits.</source>
        <translation>Un numéro RPPS comporte 11 chiffres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This RPPS number is not valid: a digit was probably mistyped. Check it on your CPS card.</source>
        <translation>Ce numéro RPPS n&apos;est pas valide&#xa0;: un chiffre a probablement été mal saisi. Vérifiez-le sur votre carte CPS.</translation>
    </message>
</context>
</TS>
