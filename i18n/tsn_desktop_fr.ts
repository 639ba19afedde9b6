<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AcknowledgeDialog</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/alerts_view.py" line="+110"/>
        <source>Acknowledge the alert</source>
        <translation>Prendre connaissance de l’alerte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was done</source>
        <translation>Ce qui a été fait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;What was done (call, treatment change, appointment…):</source>
        <translation>&amp;Ce qui a été fait (appel, changement de traitement, rendez-vous…) :</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../tsn_desktop/audit/feature.py" line="+51"/>
        <source>&amp;Audit log…</source>
        <translation>&amp;Journal des accès…</translation>
    </message>
</context>
<context>
    <name>AdverseEventDialog</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/adverse_view.py" line="+126"/>
        <source>Report an adverse event following immunisation</source>
        <translation>Déclarer un effet indésirable après vaccination</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name or date of birth</source>
        <translation>Nom ou date de naissance</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What happened, in your words</source>
        <translation>Ce qui s’est passé, avec vos mots</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Treatment given, hospital, follow-up</source>
        <translation>Traitement donné, hospitalisation, suivi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signs</source>
        <translation>Signes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seriousness criteria (none: not serious)</source>
        <translation>Critères de gravité (aucun : non grave)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dose:</source>
        <translation>&amp;Dose :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First &amp;sign on:</source>
        <translation>Premier &amp;signe le :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay after the &amp;injection:</source>
        <translation>Délai après l’&amp;injection :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Outcome:</source>
        <translation>É&amp;volution :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Care given:</source>
        <translation>Prise en c&amp;harge :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find the patient</source>
        <translation>Rechercher le patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients found</source>
        <translation>Patients trouvés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First sign on</source>
        <translation>Premier signe le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay after the injection, in hours</source>
        <translation>Délai après l’injection, en heures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care given</source>
        <translation>Prise en charge</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>lot</source>
        <translation>lot</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>This could not be done. Nothing typed is lost: try again.</source>
        <translation>Cela n’a pas pu être fait. Rien de ce qui a été saisi n’est perdu : réessayez.</translation>
    </message>
</context>
<context>
    <name>AdverseEventModel</name>
    <message>
        <location line="-222"/>
        <source>Vaccine</source>
        <translation>Vaccin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given on</source>
        <translation>Fait le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First sign</source>
        <translation>Premier signe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signs</source>
        <translation>Signes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serious</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Évolution</translation>
    </message>
</context>
<context>
    <name>AdverseEventsView</name>
    <message>
        <location line="+237"/>
        <source>Adverse events by vaccine and lot</source>
        <translation>Effets indésirables par vaccin et par lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Report an adverse event…</source>
        <translation>&amp;Déclarer un effet indésirable…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Declaration summary (PDF)…</source>
        <translation>&amp;Résumé pour la déclaration (PDF)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adverse events following immunisation recorded in the practice, by vaccine and lot. Serious or unexpected ones are to be declared to the regional pharmacovigilance centre (or on signalement.social-sante.gouv.fr).</source>
        <translation>Effets indésirables après vaccination enregistrés au cabinet, par vaccin et par lot. Les effets graves ou inattendus sont à déclarer au centre régional de pharmacovigilance (ou sur signalement.social-sante.gouv.fr).</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The adverse events could not be read. Try again.</source>
        <translation>Les effets indésirables n’ont pas pu être lus. Réessayez.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Select a report in the list first.</source>
        <translation>Sélectionnez d’abord une déclaration dans la liste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the declaration summary</source>
        <translation>Enregistrer le résumé pour la déclaration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The file could not be saved. Check the folder can be written to, then try again.</source>
        <translation>Le fichier n’a pas pu être enregistré. Vérifiez que le dossier est accessible en écriture, puis réessayez.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/page.py" line="+83"/>
        <source>Shown period</source>
        <translation>Période affichée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chosen appointment</source>
        <translation>Rendez-vous choisi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agenda messages</source>
        <translation>Messages de l&apos;agenda</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>My agenda</source>
        <translation>Mon agenda</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&amp;Previous</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;ext</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Today</source>
        <translation>&amp;Aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Week</source>
        <translation>S&amp;emaine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New appointment…</source>
        <translation>&amp;Nouveau rendez-vous…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark &amp;arrived</source>
        <translation>Marquer a&amp;rrivé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;in consultation</source>
        <translation>Marquer en &amp;consultation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark d&amp;one</source>
        <translation>Marquer ter&amp;miné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as no-&amp;show</source>
        <translation>Marquer a&amp;bsent (non venu)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel the appointment</source>
        <translation>Ann&amp;uler le rendez-vous</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Move ea&amp;rlier</source>
        <translation>A&amp;vancer (15 min plus tôt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;later</source>
        <translation>Retarder (15 min plus &amp;tard)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;horten</source>
        <translation>Racc&amp;ourcir (5 min)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Len&amp;gthen</source>
        <translation>Allon&amp;ger (5 min)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open the appointment…</source>
        <translation>Ouvrir le rende&amp;z-vous…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appointment &amp;types…</source>
        <translation>T&amp;ypes de rendez-vous…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening &amp;hours and absences…</source>
        <translation>&amp;Horaires et absences…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agenda &amp;delegation…</source>
        <translation>&amp;Délégation de l’agenda…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Home-visit &amp;round…</source>
        <translation>Tournée de visites à &amp;domicile…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Online &amp;bookings…</source>
        <translation>Rendez-vous pris en &amp;ligne…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tomorrow&apos;s re&amp;minders…</source>
        <translation>Rappels à &amp;faire demain…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Colleagues side by side</source>
        <translation>Agendas des collègues côte à côte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Publish my free slots for online booking</source>
        <translation>Publier mes créneaux libres pour la prise de rendez-vous en ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport to iCalendar…</source>
        <translation>E&amp;xporter en iCalendar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I&amp;mport personal events (ICS)…</source>
        <translation>&amp;Importer des événements personnels (ICS)…</translation>
    </message>
    <message numerus="yes">
        <location line="+85"/>
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n rendez-vous</numerusform>
            <numerusform>%n rendez-vous</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
        <source>RPPS %1</source>
        <translation>RPPS %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (delegated to you)</source>
        <translation>%1 (délégué à vous)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agenda of %1, delegated to you</source>
        <translation>Agenda de %1, délégué à vous</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (read only)</source>
        <translation>%1 (lecture seule)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agenda of %1, read only</source>
        <translation>Agenda de %1, en lecture seule</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No colleague&apos;s appointment reached this computer for this day (colleagues appear here when you share patients through the hub).</source>
        <translation>Aucun rendez-vous d&apos;un collègue n&apos;est arrivé sur cet ordinateur pour ce jour (les collègues apparaissent ici quand vous partagez des patients par le hub).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>in an agenda delegated to you: Enter to change it</source>
        <translation>dans un agenda qui vous est délégué : Entrée pour le modifier</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a colleague&apos;s appointment: read only</source>
        <translation>rendez-vous d&apos;un collègue : lecture seule</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The agenda could not be read. Try again with Ctrl+T; if it keeps failing, restart the application.</source>
        <translation>L&apos;agenda n&apos;a pas pu être lu. Réessayez avec Ctrl+T ; si l&apos;erreur persiste, redémarrez l&apos;application.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Up/Down: choose an appointment · F6 arrived · F7 in consultation · F8 done · F9 no-show · Delete: cancel</source>
        <translation>Haut/Bas : choisir un rendez-vous · F6 arrivé · F7 en consultation · F8 terminé · F9 absent · Suppr : annuler</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>since %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancel the appointment</source>
        <translation>Annuler le rendez-vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel this appointment? It stays in the agenda, marked cancelled, and its time becomes free.</source>
        <translation>Annuler ce rendez-vous ? Il reste dans l&apos;agenda, marqué annulé, et son créneau redevient libre.</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Now overlaps %n other appointment(s).</source>
        <translation>
            <numerusform>Chevauche maintenant %n autre rendez-vous.</numerusform>
            <numerusform>Chevauche maintenant %n autres rendez-vous.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This appointment no longer exists (changed on another computer?).</source>
        <translation>Ce rendez-vous n&apos;existe plus (modifié sur un autre ordinateur ?).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The status could not be saved: try again.</source>
        <translation>Le statut n&apos;a pas pu être enregistré : réessayez.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Appointment saved.</source>
        <translation>Rendez-vous enregistré.</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n free slot(s) published for online booking.</source>
        <translation>
            <numerusform>%n créneau libre publié pour la prise de rendez-vous en ligne.</numerusform>
            <numerusform>%n créneaux libres publiés pour la prise de rendez-vous en ligne.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Publishing your free slots…</source>
        <translation>Publication de vos créneaux libres…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No hub account yet: set it up in File › Hub account, then publish again.</source>
        <translation>Pas encore de compte du hub : configurez-le dans Fichier › Compte du hub, puis publiez à nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in to the hub (File › Hub account), then publish again.</source>
        <translation>Connectez-vous au hub (Fichier › Compte du hub), puis publiez à nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub could not be reached: your free slots were not published. Try again later.</source>
        <translation>Le hub n&apos;a pas pu être joint : vos créneaux libres n&apos;ont pas été publiés. Réessayez plus tard.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+22"/>
        <source>Export to iCalendar</source>
        <translation>Exporter en iCalendar</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>The shown period goes into an .ics file for another calendar. Each appointment is written as “Rendez-vous”, without the patient.</source>
        <translation>La période affichée est enregistrée dans un fichier .ics pour un autre calendrier. Chaque rendez-vous y est écrit « Rendez-vous », sans le patient.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Include &amp;patients&apos; names and visit addresses</source>
        <translation>Inclure les noms des &amp;patients et les adresses des visites</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With names, anyone who reads the file or the calendar it goes into learns who your patients are: keep it on this computer or a calendar only you can read.</source>
        <translation>Avec les noms, toute personne qui lit le fichier ou le calendrier où il est importé apprend qui sont vos patients : gardez-le sur cet ordinateur ou dans un calendrier que vous seul pouvez lire.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+23"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Rendez-vous</source>
        <translation>Rendez-vous</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n appointment(s) exported.</source>
        <translation>
            <numerusform>%n rendez-vous exporté.</numerusform>
            <numerusform>%n rendez-vous exportés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file could not be written: choose another folder.</source>
        <translation>Le fichier n&apos;a pas pu être écrit : choisissez un autre dossier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import personal events</source>
        <translation>Importer des événements personnels</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n event(s) added as personal time.</source>
        <translation>
            <numerusform>%n événement ajouté comme temps personnel.</numerusform>
            <numerusform>%n événements ajoutés comme temps personnel.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n event(s) updated.</source>
        <translation>
            <numerusform>%n événement mis à jour.</numerusform>
            <numerusform>%n événements mis à jour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n recurring event(s) not imported: this version imports single events only.</source>
        <translation>
            <numerusform>%n événement récurrent non importé : cette version n&apos;importe que les événements uniques.</numerusform>
            <numerusform>%n événements récurrents non importés : cette version n&apos;importe que les événements uniques.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This file could not be imported (it is not an iCalendar file this application can read). Nothing was added.</source>
        <translation>Ce fichier n&apos;a pas pu être importé (ce n&apos;est pas un fichier iCalendar que l&apos;application sait lire). Rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The import failed. Nothing was added.</source>
        <translation>L&apos;import a échoué. Rien n&apos;a été ajouté.</translation>
    </message>
</context>
<context>
    <name>AgendaTexts</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/texts.py" line="+25"/>
        <source>Consultation</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccination</source>
        <translation>Vaccination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home visit</source>
        <translation>Visite à domicile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teleconsultation</source>
        <translation>Téléconsultation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Booked online, to confirm</source>
        <translation>Pris en ligne, à confirmer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booked</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arrived (waiting room)</source>
        <translation>Arrivé (salle d&apos;attente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In consultation</source>
        <translation>En consultation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Absent (non venu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mon</source>
        <translation>lun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>mar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>mer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>ven.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>sam.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>dim.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Week of %1 to %2</source>
        <translation>Semaine du %1 au %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do</source>
        <translation>Soins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Does not repeat</source>
        <translation>Ne se répète pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every day</source>
        <translation>Tous les jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every week</source>
        <translation>Toutes les semaines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every month</source>
        <translation>Tous les mois</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The appointment must end after it starts.</source>
        <translation>Le rendez-vous doit finir après son début.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An appointment lasts 24 hours at most: check the duration.</source>
        <translation>Un rendez-vous dure 24 heures au plus : vérifiez la durée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a type of appointment from the list.</source>
        <translation>Choisissez un type de rendez-vous dans la liste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A personal slot has no patient: choose another type or remove the patient.</source>
        <translation>Un créneau personnel n&apos;a pas de patient : choisissez un autre type ou retirez le patient.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number of occurrences must be 1 or more.</source>
        <translation>Le nombre d&apos;occurrences doit être d&apos;au moins 1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The duration must be between 1 minute and 24 hours.</source>
        <translation>La durée doit être comprise entre 1 minute et 24 heures.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An appointment lasts 5 minutes at least.</source>
        <translation>Un rendez-vous dure au moins 5 minutes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This appointment is over (done, no-show or cancelled): it stays where it was.</source>
        <translation>Ce rendez-vous est clos (terminé, absent ou annulé) : il reste où il était.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The appointment could not be saved as typed: check each field.</source>
        <translation>Le rendez-vous n&apos;a pas pu être enregistré tel que saisi : vérifiez chaque champ.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An appointment marked “%1” cannot become “%2”. To see the patient again, create a new appointment.</source>
        <translation>Un rendez-vous marqué « %1 » ne peut pas devenir « %2 ». Pour revoir le patient, créez un nouveau rendez-vous.</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/agenda_view.py" line="+114"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/appointment_dialog.py" line="+77"/>
        <source>New appointment</source>
        <translation>Nouveau rendez-vous</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name, birth date or INS</source>
        <translation>Nom, date de naissance ou INS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patients found</source>
        <translation>Patients trouvés</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+163"/>
        <source>No patient chosen</source>
        <translation>Aucun patient choisi</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Where the visit takes place</source>
        <translation>Lieu de la visite</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next &amp;free slot</source>
        <translation>Prochain créneau &amp;libre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no end</source>
        <translation>sans fin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Care to give (printed on the round sheet)</source>
        <translation>Soins à faire (imprimés sur la feuille de tournée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fi&amp;xed time (within 15 minutes: insulin, anticoagulant…)</source>
        <translation>Heure &amp;fixe (à 15 minutes près : insuline, anticoagulant…)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What to correct</source>
        <translation>À corriger</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Occurrences:</source>
        <translation>&amp;Occurrences :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;When:</source>
        <translation>&amp;Quand :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répétition :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to &amp;do:</source>
        <translation>&amp;Soins :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Patient: %1</source>
        <translation>Patient : %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No free slot in the next three months within the opening hours.</source>
        <translation>Aucun créneau libre dans les trois prochains mois pendant les heures d&apos;ouverture.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>This time overlaps with: %1. Press Save again to book it anyway.</source>
        <translation>Ce créneau chevauche : %1. Cliquez de nouveau sur Enregistrer pour le réserver quand même.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The appointment could not be saved. What you typed is still here: try again, or restart the application.</source>
        <translation>Le rendez-vous n&apos;a pas pu être enregistré. Ce que vous avez saisi est conservé : réessayez, ou redémarrez l&apos;application.</translation>
    </message>
</context>
<context>
    <name>AuditCounts</name>
    <message numerus="yes">
        <location filename="../tsn_desktop/audit/ui/texts.py" line="+91"/>
        <source>(%n times)</source>
        <translation>
            <numerusform>(%n fois)</numerusform>
            <numerusform>(%n fois)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <location filename="../tsn_desktop/audit/ui/viewer.py" line="+70"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name or date of birth</source>
        <translation>Nom ou date de naissance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+49"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>P&amp;ractitioner:</source>
        <translation>P&amp;raticien :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Action:</source>
        <translation>&amp;Action :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Until:</source>
        <translation>A&amp;u :</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Any date</source>
        <translation>Indifférent</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1, you</source>
        <translation>%1, vous</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <location line="+162"/>
        <source>Audit log</source>
        <translation>Journal des accès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who opened or changed a patient&apos;s file, and when (Paris time): on this computer, and by colleagues who share the file through the hub.</source>
        <translation>Qui a ouvert ou modifié le dossier d&apos;un patient, et quand (heure de Paris) : sur cet ordinateur, et par les confrères qui partagent le dossier via le hub.</translation>
    </message>
</context>
<context>
    <name>AuditTexts</name>
    <message>
        <location filename="../tsn_desktop/audit/ui/texts.py" line="-73"/>
        <source>Opened</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Création</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Modification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deleted</source>
        <translation>Suppression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session unlocked</source>
        <translation>Session déverrouillée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in to the hub (Pro Santé Connect)</source>
        <translation>Connexion au hub (Pro Santé Connect)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub sign-in refused</source>
        <translation>Connexion au hub refusée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patient file</source>
        <translation>Dossier patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care team (sharing)</source>
        <translation>Équipe de soins (partage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit log</source>
        <translation>Journal des accès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vaccination</source>
        <translation>Vaccination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adverse event after vaccination</source>
        <translation>Événement indésirable après vaccination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health condition</source>
        <translation>Antécédent ou état de santé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device reading</source>
        <translation>Mesure d&apos;objet connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up pathway (readings)</source>
        <translation>Parcours de suivi (mesures)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readings alert</source>
        <translation>Alerte sur les mesures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appointment</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurring appointments</source>
        <translation>Rendez-vous récurrents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Horaires d&apos;ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absence or closure</source>
        <translation>Absence ou fermeture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared document</source>
        <translation>Document partagé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory entry</source>
        <translation>Fiche de l&apos;annuaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub account</source>
        <translation>Compte du hub</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Synchronisation (copy from the hub)</source>
        <translation>Synchronisation (copie reçue du hub)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TSN Desktop</source>
        <translation>TSN Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(name not known)</source>
        <translation>(nom inconnu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (RPPS %2)</source>
        <translation>%1 (RPPS %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, you</source>
        <translation>%1, vous</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+69"/>
        <source>From the hub (colleague)</source>
        <translation>Hub (confrère)</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+66"/>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>This computer, sent to the hub</source>
        <translation>Cet ordinateur, envoyé au hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer, not sent yet</source>
        <translation>Cet ordinateur, pas encore envoyé</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Record</source>
        <translation>Élément</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Date and time (Paris)</source>
        <translation>Date et heure (Paris)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Until (Paris)</source>
        <translation>Jusqu&apos;à (Paris)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times</source>
        <translation>Nombre de fois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RPPS number</source>
        <translation>Numéro RPPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practitioner</source>
        <translation>Praticien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient id</source>
        <translation>Identifiant patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record type</source>
        <translation>Type d&apos;élément</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record id</source>
        <translation>Identifiant de l&apos;élément</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../tsn_desktop/audit/ui/viewer.py" line="-249"/>
        <source>Export the audit log</source>
        <translation>Exporter le journal des accès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Audit log</source>
        <translation>Journal des accès</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Audit log status</source>
        <translation>État du journal des accès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the lines shown to a CSV file</source>
        <translation>Exporter les lignes affichées dans un fichier CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes the lines matching the filters to a file you choose (Ctrl+E). The export is itself written in the audit log.</source>
        <translation>Enregistre les lignes qui correspondent aux filtres dans le fichier de votre choix (Ctrl+E). L&apos;export est lui-même inscrit au journal des accès.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The audit log cannot be read right now.</source>
        <translation>Le journal des accès ne peut pas être lu pour le moment.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The first day is after the last day: change one of the two dates.</source>
        <translation>Le premier jour est après le dernier : modifiez l&apos;une des deux dates.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading the audit log…</source>
        <translation>Lecture du journal des accès…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No line matches these filters.</source>
        <translation>Aucune ligne ne correspond à ces filtres.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 of %n line(s) shown; scroll down for more.</source>
        <translation>
            <numerusform>%1 sur %n ligne affichées ; faites défiler pour voir la suite.</numerusform>
            <numerusform>%1 sur %n lignes affichées ; faites défiler pour voir la suite.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n line(s).</source>
        <translation>
            <numerusform>%n ligne.</numerusform>
            <numerusform>%n lignes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The audit log could not be read. Try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>Le journal des accès n&apos;a pas pu être lu. Réessayez ; si l&apos;échec persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n line(s) exported to %1.</source>
        <translation>
            <numerusform>%n ligne exportée dans %1.</numerusform>
            <numerusform>%n lignes exportées dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file could not be written (folder missing, read-only or full). Choose another folder and export again.</source>
        <translation>Le fichier n&apos;a pas pu être enregistré (dossier absent, protégé en écriture ou plein). Choisissez un autre dossier et exportez de nouveau.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/profile_dialogs.py" line="+132"/>
        <source>Back up the profile</source>
        <translation>Sauvegarder le profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup is one encrypted file: your current passphrase opens it. Keep it on a USB key or a disk that does not stay beside this computer.</source>
        <translation>La sauvegarde est un fichier chiffré unique, que votre phrase de passe actuelle ouvre. Gardez-la sur une clé USB ou un disque qui ne reste pas à côté de cet ordinateur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Backup folder</source>
        <translation>Dossier de sauvegarde</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Backup &amp;folder:</source>
        <translation>&amp;Dossier de sauvegarde&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose the folder where the backup goes.</source>
        <translation>Choisissez le dossier où enregistrer la sauvegarde.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backing up…</source>
        <translation>Sauvegarde en cours…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup written: {file}</source>
        <translation>Sauvegarde enregistrée&#xa0;: {file}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backup could not be written in this folder. Check that the disk is plugged in, not full, and that you may write there, then try again.</source>
        <translation>La sauvegarde n&apos;a pas pu être écrite dans ce dossier. Vérifiez que le disque est branché, qu&apos;il n&apos;est pas plein et que vous avez le droit d&apos;y écrire, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>BookingsDialog</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/bookings_dialog.py" line="+34"/>
        <source>Online bookings</source>
        <translation>Rendez-vous pris en ligne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made by patients on the regional portal, on your published free slots. Confirm or decline each: the patient is told at the next sync.</source>
        <translation>Pris par des patients sur le portail régional, sur vos créneaux libres publiés. Confirmez ou refusez chacun : le patient en est informé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bookings to answer</source>
        <translation>Rendez-vous en attente de réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Confirm</source>
        <translation>&amp;Confirmer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decline</source>
        <translation>&amp;Refuser</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No booking waiting for an answer.</source>
        <translation>Aucun rendez-vous en attente de réponse.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Confirmed; it overlaps %n other appointment(s) in your agenda: check the day.</source>
        <translation>
            <numerusform>Confirmé ; il chevauche %n autre rendez-vous de votre agenda : vérifiez la journée.</numerusform>
            <numerusform>Confirmé ; il chevauche %n autres rendez-vous de votre agenda : vérifiez la journée.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Confirmed: it is in your agenda.</source>
        <translation>Confirmé : il est dans votre agenda.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Declined: the slot is free again once synced.</source>
        <translation>Refusé : le créneau redevient libre après synchronisation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This booking changed meanwhile (cancelled by the patient?): the list is read again.</source>
        <translation>Ce rendez-vous a changé entre-temps (annulé par le patient ?) : la liste est relue.</translation>
    </message>
</context>
<context>
    <name>CampaignModel</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/campaign_view.py" line="+54"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccine</source>
        <translation>Vaccin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This season</source>
        <translation>Cette saison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>Le</translation>
    </message>
</context>
<context>
    <name>CampaignView</name>
    <message>
        <location line="+51"/>
        <source>Patients eligible this season</source>
        <translation>Patients concernés cette saison</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The season could not be read. Try again.</source>
        <translation>La saison n’a pas pu être lue. Réessayez.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2 vaccinated, %3 not yet, %4 declined</source>
        <translation>%1 : %2 vacciné(s), %3 pas encore, %4 refus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Season from %1 to %2: patients 65 years and over, and those whose profile puts them in a risk group (pregnancy, chronic condition, immunodepression…).</source>
        <translation>Saison du %1 au %2 : patients de 65 ans et plus, et ceux que leur profil place dans un groupe à risque (grossesse, maladie chronique, immunodépression…).</translation>
    </message>
</context>
<context>
    <name>CareTeamTab</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/care_team_tab.py" line="+64"/>
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
        <location line="+42"/>
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
        <location line="+173"/>
        <source>The practitioners of the care team see this patient&apos;s file on the hub. Share it with a colleague who takes care of the patient too (home-visit nurse, pharmacist…).</source>
        <translation>Les praticiens de l&apos;équipe de soins voient le dossier de ce patient sur le hub. Partagez-le avec un collègue qui suit aussi le patient (infirmière à domicile, pharmacien…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Members of the care team</source>
        <translation>Membres de l&apos;équipe de soins</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+19"/>
        <source>Care &amp;team</source>
        <translation>Équipe de &amp;soins</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The care team cannot be shown in this window.</source>
        <translation>L&apos;équipe de soins ne peut pas être affichée dans cette fenêtre.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No care team yet: on the hub, only the practitioner who created this patient sees the file. Use “Share with a colleague…” to add someone.</source>
        <translation>Pas encore d&apos;équipe de soins : sur le hub, seul le praticien qui a créé ce patient voit le dossier. Utilisez « Partager avec un collègue… » pour ajouter quelqu&apos;un.</translation>
    </message>
    <message>
        <location line="+9"/>
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
    <name>CarnetCounts</name>
    <message numerus="yes">
        <location filename="../tsn_desktop/vaccination/ui/models.py" line="+252"/>
        <source>%n valid dose(s)</source>
        <translation>
            <numerusform>%n dose valide</numerusform>
            <numerusform>%n doses valides</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CarnetModels</name>
    <message>
        <location line="-95"/>
        <source>Entered in error by %1 on %2: %3</source>
        <translation>Saisie erronée, marquée par %1 le %2 : %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not given: %1</source>
        <translation>Non administrée : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not valid: %1</source>
        <translation>Non valide : %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (recorded by %2)</source>
        <translation>%1 (saisi par %2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+26"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="-120"/>
        <location line="+196"/>
        <source>Vaccine group</source>
        <translation>Valence</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccine</source>
        <translation>Vaccin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lot</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry</source>
        <translation>Péremption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site, route</source>
        <translation>Site, voie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given by</source>
        <translation>Vaccinateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+271"/>
        <source>Source</source>
        <translation>Origine</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded by</source>
        <translation>Saisie par</translation>
    </message>
    <message>
        <location line="-278"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+261"/>
        <source>Age only</source>
        <translation>Âge seul</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+83"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="-227"/>
        <source>adverse event recorded (onset %1)</source>
        <translation>effet indésirable noté (survenu le %1)</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>%1, on the prescription of %2</source>
        <translation>%1, sur prescription de %2</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Next dose</source>
        <translation>Prochaine dose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earliest</source>
        <translation>Au plus tôt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended</source>
        <translation>Recommandée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late from</source>
        <translation>En retard dès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Based on</source>
        <translation>D’après</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
</context>
<context>
    <name>CarnetSettingsPage</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/carnet_settings.py" line="+31"/>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vaccinations due within how many days are shown on opening a patient file</source>
        <translation>Nombre de jours à l&apos;avance des vaccinations signalées à l&apos;ouverture d&apos;un dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert on opening a file for vaccinations due &amp;within:</source>
        <translation>Signaler à l&apos;ouverture d&apos;un dossier les vaccinations à faire &amp;dans les :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
</context>
<context>
    <name>CarnetTab</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/carnet_tab.py" line="+59"/>
        <location line="+37"/>
        <source>Entered in error</source>
        <translation>Saisie erronée</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Why is this dose entered in error (%1)? It stays in the carnet, struck through.</source>
        <translation>Pourquoi cette dose est-elle une saisie erronée (%1) ? Elle reste dans le carnet, barrée.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>End a situation</source>
        <translation>Terminer une situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On which day did it stop (%1)? dd/mm/yyyy</source>
        <translation>À quelle date a-t-elle pris fin (%1) ? jj/mm/aaaa</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Why was this situation entered in error (%1)? It stays in the profile, struck through.</source>
        <translation>Pourquoi cette situation a-t-elle été saisie par erreur (%1) ? Elle reste dans le profil, barrée.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>&amp;Record a dose…</source>
        <translation>&amp;Enregistrer une dose…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a dose</source>
        <translation>Enregistrer une dose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as entered in &amp;error…</source>
        <translation>Marquer comme saisie e&amp;rronée…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected dose as entered in error</source>
        <translation>Marquer la dose sélectionnée comme saisie erronée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;dverse event…</source>
        <translation>Effet in&amp;désirable…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report an adverse event following the selected dose</source>
        <translation>Déclarer un effet indésirable après la dose sélectionnée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;ttestation (PDF)…</source>
        <translation>A&amp;ttestation (PDF)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the vaccination certificate as PDF</source>
        <translation>Enregistrer l&apos;attestation de vaccination en PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full &amp;carnet (PDF)…</source>
        <translation>&amp;Carnet complet (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the full carnet as PDF</source>
        <translation>Enregistrer le carnet complet en PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By vaccine &amp;group</source>
        <translation>Par va&amp;lence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hronological</source>
        <translation>C&amp;hronologique</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vaccination history</source>
        <translation>Historique des vaccinations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forecast per vaccine group</source>
        <translation>Prévisions par valence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile for recommendations</source>
        <translation>Profil pour les recommandations</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Add a situation…</source>
        <translation>Ajo&amp;uter une situation…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a situation to the profile (pregnancy, immunodepression…)</source>
        <translation>Ajouter une situation au profil (grossesse, immunodépression…)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;nd…</source>
        <translation>Termi&amp;ner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the selected situation</source>
        <translation>Terminer la situation sélectionnée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Withdraw (entered in error)…</source>
        <translation>Retirer (saisie err&amp;onée)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdraw the selected situation as entered in error</source>
        <translation>Retirer la situation sélectionnée comme saisie par erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hi&amp;story</source>
        <translation>Hi&amp;storique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Forecast</source>
        <translation>&amp;Prévisions</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Profile for recommendations</source>
        <translation>Pro&amp;fil pour les recommandations</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>&amp;Vaccinations</source>
        <translation>&amp;Vaccinations</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The carnet cannot be shown in this window.</source>
        <translation>Le carnet ne peut pas être affiché dans cette fenêtre.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The carnet could not be read. Open the patient again; if it keeps failing, restart TSN Desktop.</source>
        <translation>Le carnet n’a pas pu être lu. Rouvrez le dossier du patient ; si l’erreur persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Dose of %1 recorded; the forecast below is up to date.</source>
        <translation>Dose de %1 enregistrée ; les prévisions ci-dessous sont à jour.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Adverse event recorded. Serious or unexpected ones are to be declared to the regional pharmacovigilance centre: the summary is in Vaccinations › Adverse events.</source>
        <translation>Effet indésirable enregistré. Les effets graves ou inattendus sont à déclarer au centre régional de pharmacovigilance : le résumé de déclaration est dans Vaccinations › Effets indésirables.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This dose changed meanwhile (synchronisation): look at it again, then mark it if needed.</source>
        <translation>Cette dose a été modifiée entre-temps (synchronisation) : vérifiez-la, puis marquez-la si besoin.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The dose could not be marked. Try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>La dose n’a pas pu être marquée. Réessayez ; si l’erreur persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 added to the profile; the forecast above takes it into account.</source>
        <translation>%1 ajouté au profil ; les prévisions ci-dessus en tiennent compte.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>This situation changed meanwhile (synchronisation): look at it again.</source>
        <translation>Cette situation a été modifiée entre-temps (synchronisation) : vérifiez-la à nouveau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The situation could not be changed. Try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>La situation n&apos;a pas pu être modifiée. Réessayez ; si l&apos;erreur persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the vaccination certificate</source>
        <translation>Enregistrer l&apos;attestation de vaccination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the full vaccination carnet</source>
        <translation>Enregistrer le carnet de vaccination complet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved as %1: print it or send it from there.</source>
        <translation>Enregistré sous %1 : imprimez-le ou envoyez-le depuis cet emplacement.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The PDF could not be written to %1: choose another folder (one you may write to) and try again.</source>
        <translation>Le PDF n&apos;a pas pu être écrit dans %1 : choisissez un autre dossier (où vous avez le droit d&apos;écrire) et réessayez.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PDF could not be made. Try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>Le PDF n&apos;a pas pu être produit. Réessayez ; si l&apos;erreur persiste, redémarrez TSN Desktop.</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/profile_dialogs.py" line="+92"/>
        <location line="+17"/>
        <source>Change the passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>The data are encrypted again under a new key: a copy of the old key file with the old passphrase will not open what you save from now on. Your backups keep the passphrase they were made with.</source>
        <translation>Les données sont chiffrées de nouveau avec une nouvelle clé&#xa0;: une copie de l&apos;ancien fichier de clés avec l&apos;ancienne phrase de passe n&apos;ouvrira pas ce que vous enregistrerez désormais. Vos sauvegardes gardent la phrase de passe en vigueur lors de leur création.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Current passphrase</source>
        <translation>Phrase de passe actuelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New passphrase</source>
        <translation>Nouvelle phrase de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New passphrase confirmation</source>
        <translation>Confirmation de la nouvelle phrase de passe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;urrent passphrase:</source>
        <translation>Phrase de passe &amp;actuelle&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nouvelle phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Confirmation:</source>
        <translation>&amp;Confirmation&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;hange</source>
        <translation>C&amp;hanger</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The new passphrase is the current one.</source>
        <translation>La nouvelle phrase de passe est identique à l&apos;actuelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type it again in Confirmation.</source>
        <translation>Saisissez-la de nouveau dans Confirmation.</translation>
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
    <message>
        <location line="+28"/>
        <source>The current passphrase is wrong. Check Caps Lock and the keyboard language, then try again.</source>
        <translation>La phrase de passe actuelle est fausse. Vérifiez le verrouillage des majuscules et la langue du clavier, puis réessayez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Too many wrong passphrases in a row: wait a few minutes before the next try.</source>
        <translation>Trop de phrases de passe erronées d&apos;affilée&#xa0;: attendez quelques minutes avant le prochain essai.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The passphrase was not changed: choose another new passphrase.</source>
        <translation>La phrase de passe n&apos;a pas été changée&#xa0;: choisissez une autre nouvelle phrase de passe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The passphrase was not changed (the disk may be full). Your data and your current passphrase are as before.</source>
        <translation>La phrase de passe n&apos;a pas été changée (le disque est peut-être plein). Vos données et votre phrase de passe actuelle sont inchangées.</translation>
    </message>
</context>
<context>
    <name>CountedWords</name>
    <message numerus="yes">
        <location filename="../tsn_desktop/ui/formatting.py" line="+46"/>
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n an</numerusform>
            <numerusform>%n ans</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mois</numerusform>
            <numerusform>%n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n semaine</numerusform>
            <numerusform>%n semaines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/coverage_view.py" line="+55"/>
        <source>All ages</source>
        <translation>Tous âges</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age band</source>
        <translation>Tranche d’âge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage</source>
        <translation>Couverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National target</source>
        <translation>Objectif national</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>CoverageView</name>
    <message>
        <location line="+83"/>
        <source>Up to date (%)</source>
        <translation>À jour (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage per indicator, with national targets</source>
        <translation>Couverture par indicateur, avec les objectifs nationaux</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Coverage per indicator and age band</source>
        <translation>Couverture par indicateur et tranche d’âge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patients behind the number</source>
        <translation>Patients derrière ce chiffre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show those &amp;up to date</source>
        <translation>Afficher les patients à &amp;jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a row to see its patients.</source>
        <translation>Sélectionnez une ligne pour voir ses patients.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Counting…</source>
        <translation>Décompte en cours…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Coverage could not be counted. Try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>La couverture n’a pas pu être calculée. Réessayez ; si l’échec persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Share of the practice&apos;s patients up to date, per indicator public health reports use (doses recorded in the carnets). Dashed lines: national targets.</source>
        <translation>Part des patients du cabinet à jour, par indicateur de santé publique (doses inscrites dans les carnets). Traits pointillés : objectifs nationaux.</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%n patient(s) up to date</source>
        <translation>
            <numerusform>%n patient à jour</numerusform>
            <numerusform>%n patients à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n patient(s) not up to date</source>
        <translation>
            <numerusform>%n patient pas à jour</numerusform>
            <numerusform>%n patients pas à jour</numerusform>
        </translation>
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
    <name>DeathDialog</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/file_header.py" line="+240"/>
        <source>Mark as deceased</source>
        <translation>Déclarer le décès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 will leave the list of active patients; the file and every record stay, and can be found with the “Archived, deceased or merged” filter.</source>
        <translation>%1 quittera la liste des patients actifs ; le dossier et toutes ses données sont conservés et restent accessibles avec le filtre « Archivés, décédés ou fusionnés ».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date of death</source>
        <translation>Date du décès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of &amp;death:</source>
        <translation>&amp;Date du décès :</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the date of death as dd/mm/yyyy.</source>
        <translation>Saisissez la date du décès au format jj/mm/aaaa.</translation>
    </message>
</context>
<context>
    <name>DelegationDialog</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/agenda_settings.py" line="+324"/>
        <source>Agenda delegation</source>
        <translation>Délégation de l’agenda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colleagues named here may book, move and cancel appointments in your agenda, from their own computer, after the next sync. Empty the list to take it back: your agenda is then read only for them again.</source>
        <translation>Les confrères nommés ici pourront prendre, déplacer et annuler des rendez-vous dans votre agenda depuis leur propre poste, après la prochaine synchronisation. Videz la liste pour la retirer : votre agenda repasse alors en lecture seule pour eux.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>RPPS numbers, separated by commas</source>
        <translation>Numéros RPPS, séparés par des virgules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delegates&apos; RPPS numbers</source>
        <translation>Numéros RPPS des délégataires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delegates (RPPS):</source>
        <translation>&amp;Délégataires (RPPS) :</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Your own RPPS number cannot be a delegate: remove it.</source>
        <translation>Votre propre numéro RPPS ne peut pas être délégataire : retirez-le.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An RPPS number has 11 digits: check each number and separate them with commas.</source>
        <translation>Un numéro RPPS compte 11 chiffres : vérifiez chaque numéro et séparez-les par des virgules.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The delegation could not be saved: try again.</source>
        <translation>La délégation n’a pas pu être enregistrée : réessayez.</translation>
    </message>
</context>
<context>
    <name>DirectorySearch</name>
    <message>
        <location filename="../tsn_desktop/network/ui/dialogs.py" line="+85"/>
        <source>Name, profession, RPPS or town</source>
        <translation>Nom, profession, RPPS ou commune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the directory</source>
        <translation>Rechercher dans l&apos;annuaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Directory results</source>
        <translation>Résultats de l&apos;annuaire</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chosen colleague</source>
        <translation>Confrère choisi</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Nobody found: check the spelling, or type a town or an RPPS number.</source>
        <translation>Personne trouvé : vérifiez l&apos;orthographe, ou tapez une commune ou un numéro RPPS.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RPPS %1</source>
        <translation>RPPS %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Phone: %1</source>
        <translation>Téléphone : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secure mail: %1</source>
        <translation>Messagerie sécurisée : %1</translation>
    </message>
</context>
<context>
    <name>DiscussionDialog</name>
    <message>
        <location line="+19"/>
        <source>New case discussion</source>
        <translation>Nouvelle discussion de cas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Question asked</source>
        <translation>Question posée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Context</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is expected</source>
        <translation>Ce qui est attendu</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>Answer wanted by</source>
        <translation>Réponse souhaitée avant le</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search a patient</source>
        <translation>Rechercher un patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name or date of birth (optional)</source>
        <translation>Nom ou date de naissance (facultatif)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>No patient</source>
        <translation>Aucun patient</translation>
    </message>
    <message>
        <location line="-48"/>
        <location line="+14"/>
        <source>Colleagues asked</source>
        <translation>Confrères sollicités</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>&amp;Remove from the list</source>
        <translation>&amp;Retirer de la liste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Question asked</source>
        <translation>&amp;Question posée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Context</source>
        <translation>&amp;Contexte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is &amp;expected</source>
        <translation>Ce qui est &amp;attendu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Patient</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a &amp;colleague</source>
        <translation>Trouver un co&amp;nfrère</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Send the discussion</source>
        <translation>Envoyer la discussion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the discussion</source>
        <translation>Annuler la discussion</translation>
    </message>
</context>
<context>
    <name>DiscussionsTab</name>
    <message>
        <location filename="../tsn_desktop/network/ui/discussions_tab.py" line="+42"/>
        <source>The patient&apos;s discussions</source>
        <translation>Les discussions du patient</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Discussion and decision</source>
        <translation>Discussion et décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No discussion about this patient yet.</source>
        <translation>Aucune discussion sur ce patient pour le moment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New discussion about this patient…</source>
        <translation>&amp;Nouvelle discussion sur ce patient…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Discussi&amp;ons</source>
        <translation>Discussi&amp;ons</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Asked by %1 on %2</source>
        <translation>Demandé par %1 le %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question: %1</source>
        <translation>Question : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision (%1): %2</source>
        <translation>Décision (%1) : %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Still open.</source>
        <translation>Toujours ouverte.</translation>
    </message>
</context>
<context>
    <name>DoseDialog</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/dose_dialog.py" line="+81"/>
        <source>Record a dose</source>
        <translation>Enregistrer une dose</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scan of the pack</source>
        <translation>Scan de la boîte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the DataMatrix of the pack here</source>
        <translation>Scannez ici le DataMatrix de la boîte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find the vaccine</source>
        <translation>Rechercher le vaccin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand, laboratory or disease</source>
        <translation>Nom commercial, laboratoire ou maladie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vaccines of the catalogue</source>
        <translation>Vaccins du catalogue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why it was not given</source>
        <translation>Motif de non-administration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the information comes from</source>
        <translation>Origine de l’information</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lot number</source>
        <translation>Numéro de lot</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expiry date</source>
        <translation>Date de péremption</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Injection site</source>
        <translation>Site d’injection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Route</source>
        <translation>Voie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date of the vaccination</source>
        <translation>Date de la vaccination</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where it was given</source>
        <translation>Lieu de la vaccination</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of the place (optional)</source>
        <translation>Nom du lieu (facultatif)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who may give this dose</source>
        <translation>Qui peut administrer cette dose</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prescribing physician</source>
        <translation>Médecin prescripteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dr first name NAME</source>
        <translation>Dr Prénom NOM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RPPS of the prescriber</source>
        <translation>RPPS du prescripteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 digits</source>
        <translation>11 chiffres</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>S&amp;can:</source>
        <translation>&amp;Scan :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vaccine:</source>
        <translation>&amp;Vaccin :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Issue :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reaso&amp;n:</source>
        <translation>&amp;Motif :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>So&amp;urce:</source>
        <translation>&amp;Origine :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lot:</source>
        <translation>&amp;Lot :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xpiry:</source>
        <translation>&amp;Péremption :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ite:</source>
        <translation>Si&amp;te :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Route:</source>
        <translation>Voi&amp;e :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Where:</source>
        <translation>Lie&amp;u :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Place name:</source>
        <translation>&amp;Nom du lieu :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prescri&amp;bed by:</source>
        <translation>Prescripteu&amp;r :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prescriber&apos;s RPPS:</source>
        <translation>RPPS du prescripteur :</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>The dose could not be saved. What you typed is still here: try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>La dose n’a pas pu être enregistrée. Ce que vous avez saisi est conservé : réessayez ; si l’erreur persiste, redémarrez TSN Desktop.</translation>
    </message>
</context>
<context>
    <name>DueBanner</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/carnet_tab.py" line="-496"/>
        <source>Vaccinations to do</source>
        <translation>Vaccinations à faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the forecast</source>
        <translation>Voir les prévisions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the vaccination forecast</source>
        <translation>Voir les prévisions vaccinales</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Vaccinations overdue: %1.</source>
        <translation>Vaccinations en retard : %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (late since %2)</source>
        <translation>%1 (en retard depuis le %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To do now or within %1 days: %2.</source>
        <translation>À faire maintenant ou dans les %1 jours : %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (from %2)</source>
        <translation>%1 (à partir du %2)</translation>
    </message>
</context>
<context>
    <name>DueListView</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/page.py" line="+139"/>
        <source>Patients due and overdue per vaccine</source>
        <translation>Patients à vacciner et en retard, par vaccin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All ages</source>
        <translation>Tous âges</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Compulsory and recommended</source>
        <translation>Obligatoires et recommandés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;My patients only</source>
        <translation>&amp;Mes patients seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due within</source>
        <translation>À faire dans la période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due by this date</source>
        <translation>À faire d’ici cette date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccine</source>
        <translation>Vaccin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age band</source>
        <translation>Tranche d’âge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treating GP</source>
        <translation>Médecin traitant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compulsory or recommended</source>
        <translation>Obligatoire ou recommandé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updating the forecasts</source>
        <translation>Mise à jour des prévisions</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Patients due for a vaccine</source>
        <translation>Patients à vacciner</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Open the file</source>
        <translation>&amp;Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as &amp;recalled…</source>
        <translation>Marquer comme &amp;relancé…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recall &amp;letters (PDF)…</source>
        <translation>&amp;Lettres de rappel (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print the list (PDF)…</source>
        <translation>&amp;Imprimer la liste (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport as CSV…</source>
        <translation>E&amp;xporter en CSV…</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The due list could not be read. Try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>La liste des vaccinations à faire n’a pas pu être lue. Réessayez ; si l’échec persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Forecasting %n patient file(s)…</source>
        <translation>
            <numerusform>Calcul des prévisions de %n dossier…</numerusform>
            <numerusform>Calcul des prévisions de %n dossiers…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The forecasts could not be brought up to date: the list shows the last ones kept. It will try again at the next change.</source>
        <translation>Les prévisions n’ont pas pu être mises à jour : la liste montre les dernières conservées. Nouvel essai au prochain changement.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>All vaccines</source>
        <translation>Tous les vaccins</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All treating GPs</source>
        <translation>Tous les médecins traitants</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Nobody is due for a vaccine in this window.</source>
        <translation>Personne n’est à vacciner sur cette période.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n due</source>
        <translation>
            <numerusform>%n à faire</numerusform>
            <numerusform>%n à faire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>%n patient(s) marked as recalled.</source>
        <translation>
            <numerusform>%n patient marqué comme relancé.</numerusform>
            <numerusform>%n patients marqués comme relancés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The recall could not be saved. Try again.</source>
        <translation>La relance n’a pas pu être enregistrée. Réessayez.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export the due list</source>
        <translation>Exporter la liste des vaccinations à faire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the recall letters</source>
        <translation>Enregistrer les lettres de rappel</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save the due list</source>
        <translation>Enregistrer la liste</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved: %1</source>
        <translation>Enregistré : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file could not be saved. Check the folder can be written to, then try again.</source>
        <translation>Le fichier n’a pas pu être enregistré. Vérifiez que le dossier est accessible en écriture, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>DueModel</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/due_model.py" line="+46"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vaccine</source>
        <translation>Vaccin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dose</source>
        <translation>Dose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended on</source>
        <translation>Prévu le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days late</source>
        <translation>Retard (j)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compulsory</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treating GP</source>
        <translation>Médecin traitant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last recall</source>
        <translation>Dernière relance</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>try again %1</source>
        <translation>relancer le %1</translation>
    </message>
</context>
<context>
    <name>DuplicateWords</name>
    <message numerus="yes">
        <location filename="../tsn_desktop/patients/ui/editor.py" line="+85"/>
        <source>%n patient(s) with the same name and date of birth already in the register:</source>
        <translation>
            <numerusform>%n patient de même nom et même date de naissance déjà dans le registre :</numerusform>
            <numerusform>%n patients de même nom et même date de naissance déjà dans le registre :</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/errors.py" line="+62"/>
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
        <location line="+20"/>
        <source>Show &amp;details</source>
        <translation>&amp;Afficher les détails</translation>
    </message>
    <message>
        <location line="-19"/>
        <location line="+21"/>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Hide &amp;details</source>
        <translation>&amp;Masquer les détails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide details</source>
        <translation>Masquer les détails</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Details copied</source>
        <translation>Détails copiés</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>A report without patient data was also saved in %1.</source>
        <translation>Un rapport sans données de patient a aussi été enregistré dans %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong in TSN Desktop.</source>
        <translation>Une erreur inattendue s&apos;est produite dans TSN Desktop.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>What you had saved is safe. Finish or cancel the current task, then carry on. If it happens again, click “Copy details” and send them to your support contact: they contain no patient data.</source>
        <translation>Ce que vous aviez enregistré est conservé. Terminez ou annulez la tâche en cours, puis continuez. Si cela se reproduit, cliquez sur «&#xa0;Copier les détails&#xa0;» et envoyez-les à votre contact d&apos;assistance&#xa0;: ils ne contiennent aucune donnée patient.</translation>
    </message>
</context>
<context>
    <name>FactDialog</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/fact_dialog.py" line="+52"/>
        <source>Add a situation to the profile</source>
        <translation>Ajouter une situation au profil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(choose)</source>
        <translation>(choisir)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weeks of amenorrhoea today</source>
        <translation>Semaines d&apos;aménorrhée aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Days beyond the weeks</source>
        <translation>Jours en plus des semaines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the information comes from</source>
        <translation>D&apos;où vient l&apos;information</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note (optional)</source>
        <translation>Note (facultative)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Situation:</source>
        <translation>&amp;Situation :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;nce:</source>
        <translation>&amp;Depuis le :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Term (weeks of amenorrhoea):</source>
        <translation>&amp;Terme (semaines d&apos;aménorrhée) :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Days beyond:</source>
        <translation>&amp;Jours en plus :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>So&amp;urce:</source>
        <translation>&amp;Origine :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;ote:</source>
        <translation>&amp;Note :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save</source>
        <translation>Enre&amp;gistrer</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The situation could not be saved. What you typed is still here: try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>La situation n&apos;a pas pu être enregistrée. Ce que vous avez saisi est conservé : réessayez ; si l&apos;erreur persiste, redémarrez TSN Desktop.</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <location filename="../tsn_desktop/ui/failures.py" line="+61"/>
        <source>The disk of this computer is full.</source>
        <translation>Le disque de cet ordinateur est plein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSN Desktop could not save. Free some space (empty the recycle bin, remove large downloads), then do it again: nothing you saved before is lost.</source>
        <translation>TSN Desktop n’a pas pu enregistrer. Libérez de la place (videz la corbeille, supprimez de gros téléchargements), puis recommencez&#xa0;: rien de ce que vous aviez enregistré n’est perdu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TSN Desktop may not write in its profile folder.</source>
        <translation>TSN Desktop ne peut pas écrire dans le dossier de son profil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder or the disk is read-only (a write-protected USB key, a network folder, or changed permissions). Ask whoever manages this computer to give you write access, then start TSN Desktop again.</source>
        <translation>Le dossier ou le disque est en lecture seule (clé USB protégée en écriture, dossier réseau ou droits modifiés). Demandez à la personne qui gère cet ordinateur de vous donner le droit d’écrire, puis relancez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The practice database is damaged.</source>
        <translation>La base de données du cabinet est endommagée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop working in this profile and restore it from your latest backup (Profile › Restore a backup…). If you have none, contact your support: do not delete the profile folder.</source>
        <translation>Cessez de travailler dans ce profil et restaurez-le depuis votre dernière sauvegarde (Profil › Restaurer une sauvegarde…). Si vous n’en avez pas, contactez votre assistance&#xa0;: ne supprimez pas le dossier du profil.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong in TSN Desktop.</source>
        <translation>Un problème est survenu dans TSN Desktop.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you had saved is safe. Try again; if it keeps happening, restart TSN Desktop and click “Copy details” to send them to your support contact: they contain no patient data.</source>
        <translation>Ce que vous aviez enregistré est en sécurité. Réessayez&#xa0;; si cela se reproduit, redémarrez TSN Desktop et cliquez sur «&#xa0;Copier les détails&#xa0;» pour les envoyer à votre assistance&#xa0;: ils ne contiennent aucune donnée patient.</translation>
    </message>
</context>
<context>
    <name>FileHeader</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/file_header.py" line="-218"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Identity status</source>
        <translation>Statut de l&apos;identité</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the identity status allows</source>
        <translation>Ce que permet le statut de l&apos;identité</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record state</source>
        <translation>État du dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the file &amp;kept</source>
        <translation>Ouvrir le dossier &amp;conservé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the patient file kept</source>
        <translation>Ouvrir le dossier patient conservé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Fusionner…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the two files</source>
        <translation>Fusionner les deux dossiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One file is kept; the other one&apos;s records move to it and it stays, merged, pointing at the file kept. Nothing is deleted.</source>
        <translation>Un dossier est conservé ; les données de l&apos;autre y sont déplacées et l&apos;autre reste, fusionné, avec un renvoi vers le dossier conservé. Rien n&apos;est supprimé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+72"/>
        <source>&amp;Archive</source>
        <translation>&amp;Archiver</translation>
    </message>
    <message>
        <location line="-71"/>
        <location line="+74"/>
        <source>Archive the patient</source>
        <translation>Archiver le patient</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+77"/>
        <source>Mark as &amp;deceased…</source>
        <translation>Déclarer le &amp;décès…</translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+79"/>
        <source>Mark the patient as deceased</source>
        <translation>Déclarer le décès du patient</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>INS %1</source>
        <translation>INS %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Until then, do not use this INS to share data.</source>
        <translation>D&apos;ici là, n&apos;utilisez pas cet INS pour partager des données.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Merged: this file was a duplicate. Its records are now in the file kept; it stays here only as a trace.</source>
        <translation>Fusionné : ce dossier était un doublon. Ses données sont désormais dans le dossier conservé ; il ne reste ici qu&apos;à titre de trace.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deceased on %1. Out of the list of active patients.</source>
        <translation>Décès le %1. Hors de la liste des patients actifs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archived: out of the list of active patients, every record kept. Put it back in the list if it was archived by mistake.</source>
        <translation>Archivé : hors de la liste des patients actifs, toutes les données sont conservées. Remettez-le dans la liste s&apos;il a été archivé par erreur.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put &amp;back in the list</source>
        <translation>&amp;Remettre dans la liste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the patient back in the list</source>
        <translation>Remettre le patient dans la liste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Archive a patient created by mistake or no longer followed: out of the list, found with the “Archived, deceased or merged” filter.</source>
        <translation>Archivez un patient créé par erreur ou qui n&apos;est plus suivi : il quitte la liste et se retrouve avec le filtre « Archivés, décédés ou fusionnés ».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo the &amp;death</source>
        <translation>Annuler le &amp;décès</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo the death marked on this file</source>
        <translation>Annuler le décès déclaré sur ce dossier</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Possible duplicate: %1, born %2 (%3). If it is the same person, merge the two files.</source>
        <translation>Doublon possible : %1, né(e) le %2 (%3). S&apos;il s&apos;agit de la même personne, fusionnez les deux dossiers.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../tsn_desktop/ui/wizard.py" line="+243"/>
        <source>TSN Desktop — new profile</source>
        <translation>TSN Desktop — nouveau profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <location line="+10"/>
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
    <name>ForgetKeyDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/profile_dialogs.py" line="+14"/>
        <location line="+7"/>
        <source>Forget on this computer</source>
        <translation>Oublier sur cet ordinateur</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>TSN Desktop will no longer open by itself on this computer: your passphrase will be asked at each start. Your data stay as they are.</source>
        <translation>TSN Desktop ne s&apos;ouvrira plus tout seul sur cet ordinateur&#xa0;: votre phrase de passe sera demandée à chaque démarrage. Vos données restent telles quelles.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Forget</source>
        <translation>&amp;Oublier</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The system keyring did not let the key go. Remove the “tsn-desktop” entry in the keyring application of your system.</source>
        <translation>Le trousseau du système n&apos;a pas supprimé la clé. Supprimez l&apos;entrée «&#xa0;tsn-desktop&#xa0;» dans l&apos;application de trousseau de votre système.</translation>
    </message>
</context>
<context>
    <name>HubAccountDialog</name>
    <message>
        <location filename="../tsn_desktop/sync/ui/account.py" line="+67"/>
        <source>Hub account</source>
        <translation>Compte du hub</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hub address</source>
        <translation>Adresse du hub</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access token</source>
        <translation>Jeton d&apos;accès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RPPS number</source>
        <translation>Numéro RPPS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection test</source>
        <translation>Test de connexion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hub &amp;address:</source>
        <translation>&amp;Adresse du hub&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RPPS number:</source>
        <translation>Numéro RPPS&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in with &amp;Pro Santé Connect</source>
        <translation>Se connecter avec &amp;Pro Santé Connect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in with Pro Santé Connect</source>
        <translation>Se connecter avec Pro Santé Connect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens your browser: sign in there with your e-CPS or your CPS card.</source>
        <translation>Ouvre votre navigateur : connectez-vous avec votre e-CPS ou votre carte CPS.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign &amp;out of Pro Santé Connect</source>
        <translation>Se &amp;déconnecter de Pro Santé Connect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign out of Pro Santé Connect</source>
        <translation>Se déconnecter de Pro Santé Connect</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ends this computer&apos;s sign-in on the hub (a stolen or lent laptop): the next synchronisation asks you to sign in again.</source>
        <translation>Met fin à la connexion de cet ordinateur au hub (ordinateur prêté ou volé) : la prochaine synchronisation vous demandera de vous reconnecter.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign-in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Or, if the hub administrator gave you an access token</source>
        <translation>Ou, si l’administrateur du hub vous a donné un jeton d’accès</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access &amp;token:</source>
        <translation>&amp;Jeton d’accès&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;est the connection</source>
        <translation>&amp;Tester la connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asks the hub whether it answers at this address and accepts this token; nothing is sent or saved.</source>
        <translation>Demande au hub s’il répond à cette adresse et accepte ce jeton&#xa0;; rien n’est envoyé ni enregistré.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your regional hub&apos;s administrator gives you its address. Then sign in with Pro Santé Connect (e-CPS or CPS card).</source>
        <translation>L’administrateur de votre hub régional vous en donne l’adresse. Connectez-vous ensuite avec Pro Santé Connect (e-CPS ou carte CPS).</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+71"/>
        <source>The hub address must start with https://</source>
        <translation>L&apos;adresse du hub doit commencer par https://</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Paste the access token the hub administrator gave you.</source>
        <translation>Collez le jeton d&apos;accès que l&apos;administrateur du hub vous a remis.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The hub answers and accepts your token: you can save.</source>
        <translation>Le hub répond et accepte votre jeton&#xa0;: vous pouvez enregistrer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub answers but refuses this token: ask the hub administrator for a new one.</source>
        <translation>Le hub répond mais refuse ce jeton&#xa0;: demandez-en un nouveau à l’administrateur du hub.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub does not answer at this address: check the address and this computer&apos;s connection, then test again.</source>
        <translation>Le hub ne répond pas à cette adresse&#xa0;: vérifiez l’adresse et la connexion de cet ordinateur, puis testez de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something answers at this address, but not a TSN hub: check the address with the hub administrator.</source>
        <translation>Quelque chose répond à cette adresse, mais ce n’est pas un hub TSN&#xa0;: vérifiez l’adresse auprès de l’administrateur du hub.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The browser could not be opened. Check that this computer has a default web browser, then try again.</source>
        <translation>Le navigateur n’a pas pu être ouvert. Vérifiez que cet ordinateur a un navigateur web par défaut, puis réessayez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Finish signing in in your browser, with your e-CPS or your CPS card. This window waits for it.</source>
        <translation>Terminez la connexion dans votre navigateur, avec votre e-CPS ou votre carte CPS. Cette fenêtre l’attend.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Pro Santé Connect signed in another practitioner (RPPS %1) than the one of this profile (RPPS %2). Sign in with your own e-CPS or CPS card.</source>
        <translation>Pro Santé Connect a connecté un autre praticien (RPPS %1) que celui de ce profil (RPPS %2). Connectez-vous avec votre propre e-CPS ou carte CPS.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub has no account for your RPPS number yet: ask the hub administrator to create it, then sign in again.</source>
        <translation>Le hub n’a pas encore de compte pour votre numéro RPPS : demandez à l’administrateur du hub de le créer, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The answer that came back was not for this sign-in, so it was ignored. Sign in again.</source>
        <translation>La réponse reçue ne correspondait pas à cette connexion : elle a été ignorée. Reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sign-in came back from the browser in time. Sign in again.</source>
        <translation>Aucune connexion n’est revenue du navigateur à temps. Reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub or Pro Santé Connect cannot be reached: check this computer&apos;s connection, then sign in again.</source>
        <translation>Le hub ou Pro Santé Connect est injoignable : vérifiez la connexion de cet ordinateur, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub refused the sign-in. Sign in again; if it happens again, tell the hub administrator.</source>
        <translation>Le hub a refusé la connexion. Reconnectez-vous ; si cela se reproduit, prévenez l’administrateur du hub.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Signed out: this computer no longer synchronises until you sign in again.</source>
        <translation>Déconnecté : cet ordinateur ne se synchronise plus tant que vous ne vous reconnectez pas.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed out on this computer, but the hub could not be told (no connection): the sign-in ends there by itself within 30 days, or ask the hub administrator to end it now.</source>
        <translation>Déconnecté sur cet ordinateur, mais le hub n&apos;a pas pu être prévenu (pas de connexion) : la connexion y prendra fin d&apos;elle-même sous 30 jours, ou demandez à l&apos;administrateur du hub d&apos;y mettre fin dès maintenant.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The account could not be saved. Try again.</source>
        <translation>Le compte n&apos;a pas pu être enregistré. Réessayez.</translation>
    </message>
</context>
<context>
    <name>Identifiers</name>
    <message>
        <location filename="../tsn_desktop/ui/wording.py" line="+87"/>
        <source>The INS number is empty.</source>
        <translation>Matricule INS vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid characters: digits only (2A or 2B for Corsica).</source>
        <translation>Caractères invalides : seuls des chiffres sont attendus (2A ou 2B pour la Corse).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An INS number has 15 characters (13 + a 2-digit key).</source>
        <translation>Le matricule INS comporte 15 caractères (13 + une clé de 2 chiffres).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key missing: add the last 2 digits of the number.</source>
        <translation>Clé manquante : ajoutez les 2 derniers chiffres du matricule.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid first digit (1 or 2; 3, 4, 7 or 8 for a provisional number).</source>
        <translation>Premier chiffre invalide (1 ou 2 attendu ; 3, 4, 7 ou 8 pour un numéro provisoire).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invalid birth month.</source>
        <translation>Mois de naissance invalide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid place of birth.</source>
        <translation>Lieu de naissance invalide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid order number (000).</source>
        <translation>Numéro d&apos;ordre invalide (000).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid key: a digit was probably mistyped, check the number again.</source>
        <translation>Clé invalide : un chiffre a probablement été mal saisi, relisez le matricule.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The sex stated by the INS differs from the patient&apos;s.</source>
        <translation>Le sexe indiqué par l&apos;INS ne correspond pas à celui du patient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The INS birth year differs from the date of birth.</source>
        <translation>L&apos;année de naissance de l&apos;INS ne correspond pas à la date de naissance.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The INS birth month differs from the date of birth.</source>
        <translation>Le mois de naissance de l&apos;INS ne correspond pas à la date de naissance.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>The RPPS number is empty.</source>
        <translation>Numéro RPPS vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An RPPS number has digits only.</source>
        <translation>Le numéro RPPS ne contient que des chiffres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An RPPS number has 11 digits.</source>
        <translation>Le numéro RPPS comporte 11 chiffres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid RPPS number: a digit was probably mistyped.</source>
        <translation>Numéro RPPS invalide : un chiffre a probablement été mal saisi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The ADELI number is empty.</source>
        <translation>Numéro ADELI vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An ADELI number has digits only (2A or 2B for Corsica).</source>
        <translation>Le numéro ADELI ne contient que des chiffres (2A ou 2B pour la Corse).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An ADELI number has 9 characters.</source>
        <translation>Le numéro ADELI comporte 9 caractères.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid ADELI number: a digit was probably mistyped.</source>
        <translation>Numéro ADELI invalide : un chiffre a probablement été mal saisi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corsican ADELI number: its check digit could not be verified, check it again.</source>
        <translation>Numéro ADELI de Corse : la clé n&apos;a pas pu être vérifiée, relisez-le.</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <location filename="../tsn_desktop/ui/wizard.py" line="-237"/>
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
        <location filename="../tsn_desktop/patients/ui/patient_file.py" line="+52"/>
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
    <name>InboxModel</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/inbox_view.py" line="+44"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User in the file</source>
        <translation>Utilisateur dans le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measured</source>
        <translation>Mesurées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given to</source>
        <translation>Attribuées à</translation>
    </message>
</context>
<context>
    <name>InboxPanel</name>
    <message>
        <location line="+40"/>
        <source>Readings to assign</source>
        <translation>Mesures à attribuer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show readings already &amp;given (to reassign)</source>
        <translation>Afficher les mesures déjà &amp;attribuées (pour réattribuer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Give to the chosen patient</source>
        <translation>A&amp;ttribuer au patient choisi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the patient in the list below, then give them the selected readings</source>
        <translation>Choisissez le patient dans la liste ci-dessous, puis attribuez-lui les mesures sélectionnées</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n reading(s) to assign</source>
        <translation>
            <numerusform>%n mesure à attribuer</numerusform>
            <numerusform>%n mesures à attribuer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to assign.</source>
        <translation>Rien à attribuer.</translation>
    </message>
</context>
<context>
    <name>LibraryModels</name>
    <message>
        <location filename="../tsn_desktop/network/ui/library.py" line="+50"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published by</source>
        <translation>Publié par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>Pour</translation>
    </message>
</context>
<context>
    <name>LibraryTab</name>
    <message>
        <location line="+121"/>
        <source>Shared documents</source>
        <translation>Documents partagés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Publish a document…</source>
        <translation>&amp;Publier un document…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;version of my document…</source>
        <translation>Nouvelle &amp;version de mon document…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save a copy as…</source>
        <translation>&amp;Enregistrer une copie sous…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No shared document yet: publish a protocol, a leaflet or a contact sheet for your colleagues.</source>
        <translation>Aucun document partagé pour le moment : publiez un protocole, une fiche d&apos;information ou une fiche contacts pour vos confrères.</translation>
    </message>
</context>
<context>
    <name>LockedPage</name>
    <message>
        <location filename="../tsn_desktop/ui/main_window.py" line="+95"/>
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
        <location line="+34"/>
        <source>TSN Desktop</source>
        <translation>TSN Desktop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSN Desktop main window</source>
        <translation>Fenêtre principale de TSN Desktop</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+31"/>
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
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change the passphrase…</source>
        <translation>&amp;Changer la phrase de passe…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Forget on this computer…</source>
        <translation>&amp;Oublier sur cet ordinateur…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Go</source>
        <translation>&amp;Aller à</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+59"/>
        <source> or </source>
        <translation> ou </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>• {title}: version {version}</source>
        <translation>• {title} : version {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>About TSN Desktop</source>
        <translation>À propos de TSN Desktop</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>TSN Desktop {version}

The practice companion of independent health practitioners: patients, vaccinations, readings, network and agenda.

Your data stay encrypted on this computer.</source>
        <translation>TSN Desktop {version}

L&apos;outil de cabinet des professionnels de santé libéraux&#xa0;: patients, vaccinations, mesures, réseau et agenda.

Vos données restent chiffrées sur cet ordinateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reference data:</source>
        <translation>Données de référence :</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/file_header.py" line="+100"/>
        <source>Merge two files</source>
        <translation>Fusionner deux dossiers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge only if both files are the same person: check the identity document. The file kept receives the other one&apos;s records (care team...); the other one stays, merged, pointing at the file kept. Nothing is deleted; the merge is recorded and sent to the hub.</source>
        <translation>Ne fusionnez que si les deux dossiers concernent la même personne : vérifiez la pièce d&apos;identité. Le dossier conservé reçoit les données de l&apos;autre (équipe de soins…) ; l&apos;autre reste, fusionné, avec un renvoi vers le dossier conservé. Rien n&apos;est supprimé ; la fusion est tracée et transmise au hub.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Keep %1
born %2 — %3 — %4</source>
        <translation>Conserver %1
né(e) le %2 — %3 — %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no INS</source>
        <translation>sans INS</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Merge</source>
        <translation>&amp;Fusionner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the two files</source>
        <translation>Fusionner les deux dossiers</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../tsn_desktop/readings/feature.py" line="+86"/>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location filename="../tsn_desktop/network/feature.py" line="+66"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../tsn_desktop/agenda/feature.py" line="+65"/>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../tsn_desktop/patients/feature.py" line="+67"/>
        <source>Patients</source>
        <translation>Patients</translation>
    </message>
    <message>
        <location filename="../tsn_desktop/vaccination/feature.py" line="+80"/>
        <source>Vaccinations</source>
        <translation>Vaccinations</translation>
    </message>
</context>
<context>
    <name>NetworkCounts</name>
    <message numerus="yes">
        <location filename="../tsn_desktop/network/ui/texts.py" line="+141"/>
        <source>%n new</source>
        <translation>
            <numerusform>%n nouveau</numerusform>
            <numerusform>%n nouveaux</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetworkDialogs</name>
    <message>
        <location filename="../tsn_desktop/network/ui/dialogs.py" line="-200"/>
        <source>Discard what you typed?</source>
        <translation>Abandonner votre saisie ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed in this window has not been sent. Discard it?</source>
        <translation>Ce que vous avez saisi dans cette fenêtre n&apos;a pas été envoyé. L&apos;abandonner ?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Share the patient&apos;s file?</source>
        <translation>Partager le dossier du patient ?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet in this patient&apos;s care team: %1. Asking them about the patient adds them to the care team, so they will receive the patient&apos;s file. Go on?</source>
        <translation>Pas encore dans l&apos;équipe de soins de ce patient : %1. Les solliciter sur ce patient les ajoute à l&apos;équipe de soins : ils recevront le dossier du patient. Continuer ?</translation>
    </message>
    <message>
        <location filename="../tsn_desktop/network/ui/page.py" line="+76"/>
        <source>Attach a PDF or an image (180 kB at most)</source>
        <translation>Joindre un PDF ou une image (180 ko au plus)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF and images (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>PDF et images (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the attachment as</source>
        <translation>Enregistrer la pièce jointe sous</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Withdraw the message</source>
        <translation>Retirer le message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The participants will see &quot;message withdrawn&quot; instead. Withdraw it?</source>
        <translation>Les participants verront « message retiré » à la place. Le retirer ?</translation>
    </message>
</context>
<context>
    <name>NetworkModels</name>
    <message>
        <location filename="../tsn_desktop/network/ui/models.py" line="+45"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Town</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RPPS</source>
        <translation>RPPS</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Discussion</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+146"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last message</source>
        <translation>Dernier message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Closed: decision taken</source>
        <translation>Close : décision prise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open, answered</source>
        <translation>Ouverte, avec réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open, no answer yet</source>
        <translation>Ouverte, sans réponse</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message withdrawn</source>
        <translation>Message retiré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Added to the discussion: %1</source>
        <translation>Ajouté(e) à la discussion : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decision: %1</source>
        <translation>Décision : %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub refused it: %1</source>
        <translation>Refusé par le hub : %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>done</source>
        <translation>traité</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../tsn_desktop/network/ui/page.py" line="+173"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show &amp;done items</source>
        <translation>Afficher les éléments &amp;traités</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark &amp;done</source>
        <translation>Marquer comme trait&amp;é</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;nooze until tomorrow</source>
        <translation>Re&amp;porter à demain</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing waits for you.</source>
        <translation>Rien ne vous attend.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Discussions</source>
        <translation>Discussions</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New discussion… (Ctrl+N)</source>
        <translation>&amp;Nouvelle discussion… (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;My directory entry…</source>
        <translation>&amp;Ma fiche dans l&apos;annuaire…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Inbox</source>
        <translation>&amp;Boîte de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Discussions</source>
        <translation>&amp;Discussions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Di&amp;rectory</source>
        <translation>&amp;Annuaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;sources</source>
        <translation>Re&amp;ssources</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New discussion…</source>
        <translation>&amp;Nouvelle discussion…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Send the reply</source>
        <translation>&amp;Envoyer la réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Network views</source>
        <translation>Vues du réseau</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>%n colleague(s) in the directory kept on this computer</source>
        <translation>
            <numerusform>%n confrère dans l&apos;annuaire conservé sur cet ordinateur</numerusform>
            <numerusform>%n confrères dans l&apos;annuaire conservé sur cet ordinateur</numerusform>
        </translation>
    </message>
    <message>
        <location line="+158"/>
        <source>Edit my message</source>
        <translation>Modifier mon message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new version replaces the old one, marked as edited.</source>
        <translation>La nouvelle version remplace l&apos;ancienne, signalée comme modifiée.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Close with a decision</source>
        <translation>Clore avec une décision</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The decision summary is filed in the patient&apos;s file and sent to every participant.</source>
        <translation>La synthèse de la décision est classée dans le dossier du patient et envoyée à chaque participant.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1: open the patient&apos;s file, tab &quot;Return home&quot;, to see the pathway and tick the task.</source>
        <translation>%1 : ouvrez le dossier du patient, onglet « Retour à domicile », pour voir le parcours et cocher la tâche.</translation>
    </message>
</context>
<context>
    <name>NetworkSettings</name>
    <message>
        <location filename="../tsn_desktop/network/ui/settings_page.py" line="+18"/>
        <source>Days without an answer before a reminder</source>
        <translation>Jours sans réponse avant un rappel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> day(s)</source>
        <translation> jour(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remind me of a discussion with no answer after</source>
        <translation>Me rappeler une discussion restée sans réponse après</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Professional network</source>
        <translation>Réseau professionnel</translation>
    </message>
</context>
<context>
    <name>NetworkTexts</name>
    <message>
        <location filename="../tsn_desktop/network/ui/texts.py" line="-114"/>
        <source>waiting to be sent</source>
        <translation>en attente d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused by the hub</source>
        <translation>refusé par le hub</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unread replies</source>
        <translation>Réponses non lues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No answer yet</source>
        <translation>Toujours sans réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your answer is expected</source>
        <translation>Votre réponse est attendue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue pathway task</source>
        <translation>Tâche de parcours en retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your pathway task today</source>
        <translation>Votre tâche de parcours aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vaccination recall to try again</source>
        <translation>Rappel de vaccination à relancer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading alert to acknowledge</source>
        <translation>Alerte sur une mesure, à voir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the discussion a title.</source>
        <translation>Donnez un titre à la discussion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the question you are asking.</source>
        <translation>Écrivez la question que vous posez.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose at least one colleague from the directory.</source>
        <translation>Choisissez au moins un confrère dans l&apos;annuaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text is too long: shorten it or split it in two messages.</source>
        <translation>Le texte est trop long : raccourcissez-le ou coupez-le en deux messages.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write something before sending.</source>
        <translation>Écrivez quelque chose avant d&apos;envoyer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This colleague already takes part in the discussion.</source>
        <translation>Ce confrère participe déjà à la discussion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This discussion is closed: open a new one to go on.</source>
        <translation>Cette discussion est close : ouvrez-en une nouvelle pour continuer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the practitioner who opened the discussion closes it.</source>
        <translation>Seul le praticien qui a ouvert la discussion peut la clore.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You can only change or withdraw your own messages.</source>
        <translation>Vous ne pouvez modifier ou retirer que vos propres messages.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You no longer take part in this discussion.</source>
        <translation>Vous ne participez plus à cette discussion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only PDF files and images (PNG, JPEG) can be attached: this file is neither, whatever its name says.</source>
        <translation>Seuls les PDF et les images (PNG, JPEG) peuvent être joints : ce fichier n&apos;est ni l&apos;un ni l&apos;autre, quel que soit son nom.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An attachment is 180 kB at most: reduce the scan or the photo (lower resolution) and attach it again.</source>
        <translation>Une pièce jointe fait 180 ko au plus : réduisez le scan ou la photo (résolution plus basse) et joignez-la de nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file is empty.</source>
        <translation>Ce fichier est vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the document a version (a number or a date), so colleagues know which one they read.</source>
        <translation>Donnez une version au document (un numéro ou une date), pour que vos confrères sachent laquelle ils lisent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Four attachments per message at most: send the others in a second message.</source>
        <translation>Quatre pièces jointes par message au plus : envoyez les autres dans un second message.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file could not be read: check that it still exists and that you may open it.</source>
        <translation>Ce fichier n&apos;a pas pu être lu : vérifiez qu&apos;il existe toujours et que vous pouvez l&apos;ouvrir.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pain assessment</source>
        <translation>Évaluation de la douleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First dressing</source>
        <translation>Premier pansement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medication and supplies ready</source>
        <translation>Traitement et matériel prêts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drain removal</source>
        <translation>Ablation du drain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stitches or staples removal</source>
        <translation>Ablation des fils ou agrafes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up appointment</source>
        <translation>Consultation de contrôle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the pathway a title.</source>
        <translation>Donnez un titre au parcours.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep at least one task in the checklist.</source>
        <translation>Gardez au moins une tâche dans la liste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what each task is.</source>
        <translation>Indiquez ce que recouvre chaque tâche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose who does each task (a member of the patient&apos;s care team).</source>
        <translation>Choisissez qui fait chaque tâche (un membre de l&apos;équipe de soins du patient).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A task&apos;s day is between D-30 and D+365 of the operation.</source>
        <translation>Le jour d&apos;une tâche est compris entre J-30 et J+365 de l&apos;intervention.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Surgeon</source>
        <translation>Chirurgien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Physiotherapist</source>
        <translation>Masseur-kinésithérapeute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biologist</source>
        <translation>Biologiste</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
</context>
<context>
    <name>OpeningHoursDialog</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/agenda_settings.py" line="-184"/>
        <source>Opening hours</source>
        <translation>Horaires d&apos;ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every week</source>
        <translation>Chaque semaine</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1, range %2</source>
        <translation>%1, plage %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Holidays and absences</source>
        <translation>Congés et absences</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Holidays and absences to come</source>
        <translation>Congés et absences à venir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove the chosen one</source>
        <translation>&amp;Retirer celle choisie</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Why (holiday, training, leave…)</source>
        <translation>Motif (congés, formation, arrêt…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the &amp;absence</source>
        <translation>Ajouter l&apos;&amp;absence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Two ranges of one day overlap: correct them.</source>
        <translation>Deux plages d&apos;une même journée se chevauchent : corrigez-les.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A range or an absence ends before it starts: correct it.</source>
        <translation>Une plage ou une absence finit avant de commencer : corrigez-la.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This could not be saved: try again.</source>
        <translation>L&apos;enregistrement a échoué : réessayez.</translation>
    </message>
</context>
<context>
    <name>OwnEntryDialog</name>
    <message>
        <location filename="../tsn_desktop/network/ui/dialogs.py" line="+343"/>
        <source>My directory entry</source>
        <translation>Ma fiche dans l&apos;annuaire</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RPPS</source>
        <translation>RPPS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Practice address</source>
        <translation>&amp;Adresse d&apos;exercice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postal &amp;code</source>
        <translation>&amp;Code postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Town</source>
        <translation>Co&amp;mmune</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P&amp;hone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Secure mail (MSSanté)</source>
        <translation>Messagerie &amp;sécurisée (MSSanté)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save my directory entry</source>
        <translation>Enregistrer ma fiche dans l&apos;annuaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Colleagues see this in the directory once you have synchronised.</source>
        <translation>Vos confrères verront ces informations dans l&apos;annuaire après votre synchronisation.</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <location filename="../tsn_desktop/ui/wizard.py" line="+26"/>
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
    <name>PassphraseStrength</name>
    <message>
        <location filename="../tsn_desktop/ui/profile_dialogs.py" line="-325"/>
        <source>It contains your name, your RPPS number or your city: the first things someone who knows you would try.</source>
        <translation>Elle contient votre nom, votre numéro RPPS ou votre ville&#xa0;: ce qu&apos;essaierait d&apos;abord quelqu&apos;un qui vous connaît.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It is built on a word that is common in passwords (such as “motdepasse” or “soleil”).</source>
        <translation>Elle repose sur un mot courant dans les mots de passe (comme «&#xa0;motdepasse&#xa0;» ou «&#xa0;soleil&#xa0;»).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It follows the keys of the keyboard (such as “azerty”).</source>
        <translation>Elle suit les touches du clavier (comme «&#xa0;azerty&#xa0;»).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It ends or starts with a sequence (such as “123” or “abc”).</source>
        <translation>Elle commence ou finit par une suite (comme «&#xa0;123&#xa0;» ou «&#xa0;abc&#xa0;»).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It repeats the same characters.</source>
        <translation>Elle répète les mêmes caractères.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It relies on a date or a year, which are quickly tried.</source>
        <translation>Elle repose sur une date ou une année, vite essayées.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too easy to guess. {reason} Add a few unusual words: a short sentence only you would write.</source>
        <translation>Trop facile à deviner. {reason} Ajoutez quelques mots inhabituels&#xa0;: une courte phrase que vous seul écririez.</translation>
    </message>
</context>
<context>
    <name>PathwayDialog</name>
    <message>
        <location filename="../tsn_desktop/network/ui/pathway_tab.py" line="+125"/>
        <source>New return-home pathway</source>
        <translation>Nouveau parcours de retour à domicile</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Return home after day surgery</source>
        <translation>Retour à domicile après chirurgie ambulatoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pathway title</source>
        <translation>Titre du parcours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Operation day</source>
        <translation>Jour de l&apos;intervention</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Operation day</source>
        <translation>&amp;Jour de l&apos;intervention</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day after the operation</source>
        <translation>Jour après l&apos;intervention</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A&amp;dd a task</source>
        <translation>&amp;Ajouter une tâche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep this checklist as my template</source>
        <translation>&amp;Garder cette liste comme mon modèle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create the pathway</source>
        <translation>&amp;Créer le parcours</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create the pathway</source>
        <translation>Créer le parcours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not create the pathway</source>
        <translation>Ne pas créer le parcours</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Task %1</source>
        <translation>Tâche %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who does task %1</source>
        <translation>Qui fait la tâche %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(choose)</source>
        <translation>(choisir)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>D+</source>
        <translation>J+</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day of task %1</source>
        <translation>Jour de la tâche %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Kept: the next pathway starts from this checklist, each task given to the care team&apos;s member of its profession.</source>
        <translation>Gardé : le prochain parcours partira de cette liste, chaque tâche confiée au membre de l&apos;équipe de soins de sa profession.</translation>
    </message>
</context>
<context>
    <name>PathwayModels</name>
    <message>
        <location line="-148"/>
        <source>Pathway</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Done by %1 on %2</source>
        <translation>Fait par %1 le %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
</context>
<context>
    <name>PathwayPanel</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/alerts_view.py" line="+189"/>
        <source>Pathway</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pat&amp;hway:</source>
        <translation>Parco&amp;urs :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dry weight (kg)</source>
        <translation>Poids sec (kg)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not set</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>D&amp;ry weight:</source>
        <translation>Poi&amp;ds sec :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sa&amp;ve the dry weight</source>
        <translation>&amp;Enregistrer le poids sec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the dry weight</source>
        <translation>Enregistrer le poids sec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thresholds…</source>
        <translation>&amp;Seuils…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thresholds of this patient</source>
        <translation>Seuils de ce patient</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>dry weight %1</source>
        <translation>poids sec %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The change could not be saved: try again.</source>
        <translation>La modification n’a pas pu être enregistrée : réessayez.</translation>
    </message>
</context>
<context>
    <name>PathwayTab</name>
    <message>
        <location filename="../tsn_desktop/network/ui/pathway_tab.py" line="+111"/>
        <source>Pathway tasks</source>
        <translation>Tâches du parcours</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No return-home pathway for this patient.</source>
        <translation>Aucun parcours de retour à domicile pour ce patient.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;pathway…</source>
        <translation>Nouveau &amp;parcours…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment (optional), kept with the tick</source>
        <translation>Commentaire (facultatif), gardé avec la coche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment on the task</source>
        <translation>Commentaire sur la tâche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the task d&amp;one</source>
        <translation>Marquer la tâche comme &amp;faite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to &amp;do</source>
        <translation>Remettre à f&amp;aire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Return &amp;home</source>
        <translation>Retour à &amp;domicile</translation>
    </message>
</context>
<context>
    <name>PatientAuditTab</name>
    <message>
        <location filename="../tsn_desktop/audit/ui/viewer.py" line="+43"/>
        <source>Access &amp;history</source>
        <translation>&amp;Historique des accès</translation>
    </message>
</context>
<context>
    <name>PatientEditorDialog</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/editor.py" line="+9"/>
        <source>no INS</source>
        <translation>pas d&apos;INS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Possible duplicate</source>
        <translation>Doublon possible</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+32"/>
        <source>New patient</source>
        <translation>Nouveau patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit patient — %1</source>
        <translation>Modifier le patient — %1</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+1"/>
        <source>Identity document chec&amp;ked:</source>
        <translation>&amp;Justificatif d&apos;identité contrôlé :</translation>
    </message>
    <message>
        <location line="+13"/>
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
        <source>15 characters, from the INSi teleservice result</source>
        <translation>15 caractères, issus du résultat du téléservice INSi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the INS from the INSi teleservice result, not from the carte Vitale: a child is often on a parent&apos;s card.</source>
        <translation>Recopiez l&apos;INS depuis le résultat du téléservice INSi, pas depuis la carte Vitale : un enfant figure souvent sur la carte d&apos;un parent.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>The patient&apos;s own document the traits were checked against. The carte Vitale is not an identity document.</source>
        <translation>La pièce d&apos;identité du patient lui-même sur laquelle les traits ont été contrôlés. La carte Vitale n&apos;est pas une pièce d&apos;identité.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Identity status</source>
        <translation>Statut de l&apos;identité</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+4"/>
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
        <location line="+0"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <location line="+182"/>
        <source>%n of 15 characters</source>
        <translation>
            <numerusform>%n caractère sur 15</numerusform>
            <numerusform>%n caractères sur 15</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Valid INS number.</source>
        <translation>Matricule INS valide.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+83"/>
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
        <location line="+18"/>
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
        <location filename="../tsn_desktop/patients/ui/patient_file.py" line="+19"/>
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
        <location line="+79"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This patient file has changes that are not saved yet. Leave it and lose them?</source>
        <translation>Ce dossier patient contient des modifications qui ne sont pas encore enregistrées. Le quitter et les perdre&#xa0;?</translation>
    </message>
</context>
<context>
    <name>PatientTableModel</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/table_model.py" line="+129"/>
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
        <source>Identity</source>
        <translation>Identité</translation>
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
        <location filename="../tsn_desktop/patients/ui/texts.py" line="+28"/>
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
        <location line="+1"/>
        <source>Identity document checked</source>
        <translation>Justificatif d&apos;identité contrôlé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Identity status</source>
        <translation>Statut de l&apos;identité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of death</source>
        <translation>Date du décès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merged into</source>
        <translation>Fusionné dans</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provisional identity</source>
        <translation>Identité provisoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrieved identity</source>
        <translation>Identité récupérée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validated identity</source>
        <translation>Identité validée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualified identity</source>
        <translation>Identité qualifiée</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Provisional</source>
        <comment>identity status</comment>
        <translation>Provisoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retrieved</source>
        <comment>identity status</comment>
        <translation>Récupérée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validated</source>
        <comment>identity status</comment>
        <translation>Validée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qualified</source>
        <comment>identity status</comment>
        <translation>Qualifiée</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Not checked yet: check the traits on the patient&apos;s own identity document, and retrieve the INS from the INSi teleservice.</source>
        <translation>Pas encore vérifiée : contrôlez les traits sur la pièce d&apos;identité du patient lui-même et récupérez l&apos;INS par le téléservice INSi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>INS retrieved from INSi. To qualify it, check the traits on the patient&apos;s own identity document (not the carte Vitale).</source>
        <translation>INS récupéré par le téléservice INSi. Pour qualifier l&apos;identité, contrôlez les traits sur la pièce d&apos;identité du patient lui-même (pas la carte Vitale).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traits checked on an identity document. Retrieve the INS from the INSi teleservice to qualify the identity.</source>
        <translation>Traits contrôlés sur une pièce d&apos;identité. Récupérez l&apos;INS par le téléservice INSi pour qualifier l&apos;identité.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>INS retrieved from INSi and traits checked on an identity document: the INS can be used to share health data.</source>
        <translation>INS récupéré par le téléservice INSi et traits contrôlés sur une pièce d&apos;identité : l&apos;INS peut servir à partager des données de santé.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>merged</source>
        <comment>register state</comment>
        <translation>fusionné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deceased %1</source>
        <comment>register state</comment>
        <translation>décès le %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>archived</source>
        <comment>register state</comment>
        <translation>archivé</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>None checked yet</source>
        <translation>Aucun contrôlé pour l&apos;instant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National identity card</source>
        <translation>Carte nationale d&apos;identité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Electronic identity card</source>
        <translation>Carte d&apos;identité électronique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passport</source>
        <translation>Passeport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residence permit</source>
        <translation>Titre de séjour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>La Poste digital identity</source>
        <translation>Identité numérique La Poste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parents&apos; family record book (minor)</source>
        <translation>Livret de famille des parents (mineur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth certificate (minor)</source>
        <translation>Extrait d&apos;acte de naissance (mineur)</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+67"/>
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
        <location line="+22"/>
        <source>%1 (%2)</source>
        <comment>date of birth (age)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This INS cannot be saved with this patient: it may be another person&apos;s (a parent&apos;s, for a child). Check the sex and date of birth on the patient&apos;s own identity document and query the INSi teleservice again, or save without the INS.</source>
        <translation>Cet INS ne peut pas être enregistré pour ce patient : il peut appartenir à une autre personne (un parent, pour un enfant). Vérifiez le sexe et la date de naissance sur la pièce d&apos;identité du patient lui-même et interrogez de nouveau le téléservice INSi, ou enregistrez sans l&apos;INS.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Copy the INS again from the INSi teleservice result.</source>
        <translation>Recopiez l&apos;INS depuis le résultat du téléservice INSi.</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>The date of death is in the future: check it.</source>
        <translation>La date du décès est dans le futur : vérifiez-la.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date of death is before the date of birth: check it.</source>
        <translation>La date du décès précède la date de naissance : vérifiez-la.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an identity document from the list.</source>
        <translation>Choisissez une pièce d&apos;identité dans la liste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the birth name, as on the identity document.</source>
        <translation>Saisissez le nom de naissance, comme sur la pièce d&apos;identité.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter at least the first given name.</source>
        <translation>Saisissez au moins le premier prénom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the sex (Undetermined if it is not known).</source>
        <translation>Choisissez le sexe (Indéterminé s&apos;il n&apos;est pas connu).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the date of birth as dd/mm/yyyy.</source>
        <translation>Saisissez la date de naissance au format jj/mm/aaaa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This date does not exist: type it as dd/mm/yyyy, for example 05/03/1984.</source>
        <translation>Cette date n&apos;existe pas&#xa0;: saisissez-la au format jj/mm/aaaa, par exemple 05/03/1984.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date of birth is in the future: check the year.</source>
        <translation>La date de naissance est dans le futur&#xa0;: vérifiez l&apos;année.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date of birth is more than 125 years ago: check the year.</source>
        <translation>La date de naissance remonte à plus de 125 ans&#xa0;: vérifiez l&apos;année.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the 5-character INSEE code (for example 75056 or 2A004), or leave it empty.</source>
        <translation>Saisissez le code INSEE à 5 caractères (par exemple 75056 ou 2A004), ou laissez le champ vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the 5-digit postal code, for example 75011.</source>
        <translation>Saisissez le code postal à 5 chiffres, par exemple 75011.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a phone number with digits, for example 06 12 34 56 78.</source>
        <translation>Saisissez un numéro de téléphone en chiffres, par exemple 06 12 34 56 78.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter an e-mail address like name@example.fr.</source>
        <translation>Saisissez une adresse e-mail comme nom@exemple.fr.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Check this field.</source>
        <translation>Vérifiez ce champ.</translation>
    </message>
</context>
<context>
    <name>PatientsPage</name>
    <message>
        <location filename="../tsn_desktop/patients/ui/page.py" line="+95"/>
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
        <source>Type a name, a date of birth (19/11/1978, 19/11/78, 19111978), a year or an INS number. Down arrow goes to the list, Enter opens the selected patient.</source>
        <translation>Saisissez un nom, une date de naissance (19/11/1978, 19/11/78, 19111978), une année ou un matricule INS. La flèche bas mène à la liste, Entrée ouvre le patient sélectionné.</translation>
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
        <location line="+4"/>
        <source>Active patients</source>
        <translation>Patients actifs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived, deceased or merged</source>
        <translation>Archivés, décédés ou fusionnés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All patients</source>
        <translation>Tous les patients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which patients to list</source>
        <translation>Patients à afficher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sho&amp;w:</source>
        <translation>A&amp;fficher :</translation>
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
        <location line="+7"/>
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
    <message>
        <location line="+3"/>
        <source>&amp;Create this patient</source>
        <translation>&amp;Créer ce patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create this patient</source>
        <translation>Créer ce patient</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>&amp;Find a patient</source>
        <translation>&amp;Rechercher un patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New patient…</source>
        <translation>&amp;Nouveau patient…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit the patient…</source>
        <translation>&amp;Modifier le patient…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back to the list</source>
        <translation>&amp;Retour à la liste</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%Ln patient(s)</source>
        <comment>in the list</comment>
        <translation>
            <numerusform>%Ln patient</numerusform>
            <numerusform>%Ln patients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln shown — scroll down for the next ones</source>
        <translation>
            <numerusform>%Ln affiché — faites défiler pour voir les suivants</numerusform>
            <numerusform>%Ln affichés — faites défiler pour voir les suivants</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No patient in the register yet. Create the first one with “New patient” (Ctrl+N).</source>
        <translation>Aucun patient enregistré pour l&apos;instant. Créez le premier avec «&#xa0;Nouveau patient&#xa0;» (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No patient in this list.</source>
        <translation>Aucun patient dans cette liste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No patient matches “%1”. Check the spelling, or search by date of birth (dd/mm/yyyy) or INS number.</source>
        <translation>Aucun patient ne correspond à «&#xa0;%1&#xa0;». Vérifiez l&apos;orthographe, ou cherchez par date de naissance (jj/mm/aaaa) ou matricule INS.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The search could not be run. Type again to retry; if it keeps failing, restart TSN Desktop.</source>
        <translation>La recherche n&apos;a pas pu être lancée. Saisissez de nouveau pour réessayer&#xa0;; si l&apos;échec persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>This file was changed elsewhere meanwhile: it has been reloaded. Check it, then try again.</source>
        <translation>Ce dossier a été modifié ailleurs entre-temps : il a été rechargé. Vérifiez-le, puis recommencez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These two files have different INS numbers: they are two different people and cannot be merged. Check both identities on the INSi teleservice.</source>
        <translation>Ces deux dossiers ont des matricules INS différents : ce sont deux personnes distinctes, ils ne peuvent pas être fusionnés. Vérifiez les deux identités avec le téléservice INSi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>These files cannot be merged: one of them was already merged.</source>
        <translation>Ces dossiers ne peuvent pas être fusionnés : l&apos;un d&apos;eux l&apos;a déjà été.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The change could not be saved. Try again; if it keeps failing, restart TSN Desktop.</source>
        <translation>La modification n&apos;a pas pu être enregistrée. Réessayez ; si l&apos;échec persiste, redémarrez TSN Desktop.</translation>
    </message>
    <message>
        <location line="+6"/>
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
    <name>PickColleagueDialog</name>
    <message>
        <location filename="../tsn_desktop/network/ui/dialogs.py" line="-104"/>
        <source>Add a participant</source>
        <translation>Ajouter un participant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the colleague</source>
        <translation>Ajouter le confrère</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not add anyone</source>
        <translation>N&apos;ajouter personne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They will read the whole discussion.</source>
        <translation>Il ou elle lira toute la discussion.</translation>
    </message>
</context>
<context>
    <name>PracticeAlertsModel</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/alerts_view.py" line="-333"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen</source>
        <translation>Vu</translation>
    </message>
</context>
<context>
    <name>PracticeAlertsPanel</name>
    <message>
        <location line="+90"/>
        <source>Alerts of the practice</source>
        <translation>Alertes du cabinet</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Show &amp;acknowledged alerts</source>
        <translation>Afficher les alertes &amp;vues</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show acknowledged alerts</source>
        <translation>Afficher les alertes vues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ac&amp;knowledge…</source>
        <translation>&amp;Marquer comme vue…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acknowledge the selected alert</source>
        <translation>Marquer l&apos;alerte choisie comme vue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what was done about the selected alert (Ctrl+K)</source>
        <translation>Indiquer ce qui a été fait pour l’alerte choisie (Ctrl+K)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open the patient</source>
        <translation>&amp;Ouvrir le patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the patient of the selected alert</source>
        <translation>Ouvrir le patient de l&apos;alerte choisie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Home blood pressure protocol</source>
        <translation>Protocole d’automesure tensionnelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Given to the patients you enrol in a pathway; each patient&apos;s own protocol is in their thresholds, the same for everyone following them</source>
        <translation>Donné aux patients que vous inscrivez dans un parcours ; le protocole propre à chaque patient est dans ses seuils, le même pour tous ceux qui le suivent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Home BP &amp;protocol:</source>
        <translation>Proto&amp;cole d’automesure :</translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>%n alert(s) to see</source>
        <translation>
            <numerusform>%n alerte à voir</numerusform>
            <numerusform>%n alertes à voir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n urgent</source>
        <translation>
            <numerusform>%n urgente</numerusform>
            <numerusform>%n urgentes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDamage</name>
    <message>
        <location filename="../tsn_desktop/ui/errors.py" line="+50"/>
        <source>This profile was saved by a newer version of TSN Desktop than this one ({version}).</source>
        <translation>Ce profil a été enregistré par une version plus récente de TSN Desktop que celle-ci ({version}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Install the latest version of TSN Desktop, then open the profile again. This version did not change anything in it.</source>
        <translation>Installez la dernière version de TSN Desktop, puis ouvrez de nouveau le profil. Cette version n’y a rien modifié.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore your latest backup as a new profile (Profile › Restore a backup…), then check the last days&apos; records. Keep this profile&apos;s folder as it is: nothing in it was deleted or replaced.</source>
        <translation>Restaurez votre dernière sauvegarde comme nouveau profil (Profil › Restaurer une sauvegarde…), puis vérifiez les dossiers des derniers jours. Gardez le dossier de ce profil tel quel&#xa0;: rien n&apos;y a été supprimé ni remplacé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key file of this profile (vault.json) is missing.</source>
        <translation>Le fichier de clés de ce profil (vault.json) est absent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file of this profile (vault.json) is damaged. Your passphrase is not in question.</source>
        <translation>Le fichier de clés de ce profil (vault.json) est endommagé. Votre phrase de passe n&apos;est pas en cause.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The practice database of this profile is missing or empty.</source>
        <translation>La base de données du cabinet de ce profil est absente ou vide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The journal of the last changes of this profile is damaged. TSN Desktop did not open it, so that nothing saved after the damage is lost.</source>
        <translation>Le journal des dernières modifications de ce profil est endommagé. TSN Desktop ne l&apos;a pas ouvert, pour ne rien perdre de ce qui a été enregistré après l&apos;endommagement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A passphrase change on this profile was interrupted.</source>
        <translation>Un changement de phrase de passe de ce profil a été interrompu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the other passphrase: the previous one if you typed the new one, or the new one if you typed the previous one.</source>
        <translation>Saisissez l&apos;autre phrase de passe&#xa0;: l&apos;ancienne si vous avez saisi la nouvelle, ou la nouvelle si vous avez saisi l&apos;ancienne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The practice database of this profile is damaged.</source>
        <translation>La base de données du cabinet de ce profil est endommagée.</translation>
    </message>
</context>
<context>
    <name>ProfileTexts</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/fact_texts.py" line="+17"/>
        <source>Examination or file</source>
        <translation>Examen ou dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical document</source>
        <translation>Document médical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Told by the patient</source>
        <translation>Déclaré par le patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the situation in the list.</source>
        <translation>Choisissez la situation dans la liste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date is in the future: enter a day up to today.</source>
        <translation>La date est dans le futur : saisissez une date jusqu&apos;à aujourd&apos;hui.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date is before the patient&apos;s birth: check it.</source>
        <translation>La date est antérieure à la naissance du patient : vérifiez-la.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A pregnancy&apos;s term is 0 to 42 weeks of amenorrhoea: check it.</source>
        <translation>Le terme d&apos;une grossesse est de 0 à 42 semaines d&apos;aménorrhée : vérifiez-le.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say where the information comes from.</source>
        <translation>Indiquez d&apos;où vient l&apos;information.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It cannot end before it began: check the date.</source>
        <translation>Elle ne peut pas finir avant d&apos;avoir commencé : vérifiez la date.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This situation has already been ended or withdrawn.</source>
        <translation>Cette situation est déjà terminée ou retirée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say why this situation was entered in error.</source>
        <translation>Indiquez pourquoi cette situation a été saisie par erreur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the date as dd/mm/yyyy.</source>
        <translation>Saisissez la date sous la forme jj/mm/aaaa.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 weeks + %2 days today</source>
        <translation>%1 SA + %2 j aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Entered in error (%1): %2</source>
        <translation>Saisie erronée (%1) : %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ended on %1 (%2)</source>
        <translation>Terminée le %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ongoing</source>
        <translation>En cours</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../tsn_desktop/network/ui/library.py" line="-87"/>
        <source>Publish a document</source>
        <translation>Publier un document</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Document title</source>
        <translation>Titre du document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Everyone</source>
        <translation>&amp;Tout le monde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the colleagues &amp;chosen</source>
        <translation>Seulement les confrères &amp;choisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the colleagues chosen</source>
        <translation>Seulement les confrères choisis</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>Colleagues chosen</source>
        <translation>Confrères choisis</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title</source>
        <translation>T&amp;itre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Version</source>
        <translation>&amp;Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a colleague</source>
        <translation>Trouver un confrère</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Publish</source>
        <translation>&amp;Publier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publish the document</source>
        <translation>Publier le document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not publish</source>
        <translation>Ne pas publier</translation>
    </message>
</context>
<context>
    <name>ReadingCounts</name>
    <message numerus="yes">
        <location filename="../tsn_desktop/readings/ui/texts.py" line="+143"/>
        <source>%n reading(s) added</source>
        <translation>
            <numerusform>%n mesure ajoutée</numerusform>
            <numerusform>%n mesures ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n already there</source>
        <translation>
            <numerusform>%n déjà présente</numerusform>
            <numerusform>%n déjà présentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n line(s) rejected</source>
        <translation>
            <numerusform>%n ligne refusée</numerusform>
            <numerusform>%n lignes refusées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n reading(s) to assign (patient not certain)</source>
        <translation>
            <numerusform>%n mesure à attribuer (patient incertain)</numerusform>
            <numerusform>%n mesures à attribuer (patient incertain)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n new alert(s)</source>
        <translation>
            <numerusform>%n nouvelle alerte</numerusform>
            <numerusform>%n nouvelles alertes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingsChart</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/chart.py" line="+86"/>
        <source>Readings chart</source>
        <translation>Graphique des mesures</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left and right arrows move in time, + and - zoom, Home shows everything</source>
        <translation>Les flèches gauche et droite se déplacent dans le temps, + et - zooment, Début montre tout</translation>
    </message>
</context>
<context>
    <name>ReadingsPage</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/page.py" line="+267"/>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected-device readings</source>
        <translation>Mesures des objets connectés</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name, date of birth (dd/mm/yyyy) or INS</source>
        <translation>Nom, date de naissance (jj/mm/aaaa) ou INS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search patients</source>
        <translation>Rechercher un patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Patient:</source>
        <translation>&amp;Patient :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patients found</source>
        <translation>Patients trouvés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import a file…</source>
        <translation>&amp;Importer un fichier…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a file of readings for this patient</source>
        <translation>Importer un fichier de mesures pour ce patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withings export (zip or CSV), Omron CSV, Apple Health export (zip or XML), FHIR Bundle (JSON) or BLE capture (.ble) (Ctrl+I)</source>
        <translation>Export Withings (zip ou CSV), CSV Omron, export Apple Santé (zip ou XML), Bundle FHIR (JSON) ou capture BLE (.ble) (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel the import</source>
        <translation>&amp;Annuler l’import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the import</source>
        <translation>Annuler l’import</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import progress</source>
        <translation>Avancement de l’import</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import summary</source>
        <translation>Bilan de l’import</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a patient to see their readings.</source>
        <translation>Choisissez un patient pour voir ses mesures.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Alerts of the practice, readings to assign</source>
        <translation>Alertes du cabinet, mesures à attribuer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts of the practice</source>
        <translation>Alertes du cabinet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To assign</source>
        <translation>À attribuer</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Import readings</source>
        <translation>Importer des mesures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device exports (%1)</source>
        <translation>Exports d’appareils (%1)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 could not be imported: %2</source>
        <translation>%1 n’a pas pu être importé : %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 imported: %2</source>
        <translation>%1 importé : %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The import failed and nothing was stored. Check that the file is readable, then try again.</source>
        <translation>L’import a échoué et rien n’a été enregistré. Vérifiez que le fichier est lisible, puis réessayez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import cancelled: nothing was stored.</source>
        <translation>Import annulé : rien n’a été enregistré.</translation>
    </message>
</context>
<context>
    <name>ReadingsTab</name>
    <message>
        <location line="+15"/>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Readings</source>
        <translation>Mes&amp;ures</translation>
    </message>
</context>
<context>
    <name>ReadingsTableModel</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/table_model.py" line="+91"/>
        <source>Measured at</source>
        <translation>Mesuré le</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Measurement</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>As the device gave it: %1</source>
        <translation>Telle que donnée par l’appareil : %1</translation>
    </message>
</context>
<context>
    <name>ReadingsTexts</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/texts.py" line="-123"/>
        <source>Weight</source>
        <translation>Poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blood pressure</source>
        <translation>Pression artérielle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heart rate</source>
        <translation>Fréquence cardiaque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps</source>
        <translation>Pas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weight (kg)</source>
        <translation>Poids (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blood pressure (mmHg)</source>
        <translation>Pression artérielle (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heart rate (/min)</source>
        <translation>Fréquence cardiaque (/min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps per day</source>
        <translation>Pas par jour</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>.</source>
        <comment>decimal separator</comment>
        <translation>,</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 kg</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1/%2 mmHg</source>
        <translation>%1/%2 mmHg</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, pulse %1/min</source>
        <translation>, pouls %1/min</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1/min</source>
        <translation>%1/min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 steps</source>
        <translation>%1 pas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>irregular pulse (device)</source>
        <translation>pouls irrégulier (appareil)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>entered in error</source>
        <translation>saisie erronée</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the date cannot be read</source>
        <translation>la date est illisible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a value is not a number</source>
        <translation>une valeur n’est pas un nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a value is impossible (out of the plausible range)</source>
        <translation>une valeur est impossible (hors des limites plausibles)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the diastolic is not below the systolic</source>
        <translation>la diastolique n’est pas inférieure à la systolique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the date is in the future</source>
        <translation>la date est dans le futur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the date is before the patient&apos;s birth</source>
        <translation>la date est antérieure à la naissance du patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a value is missing</source>
        <translation>une valeur manque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this file is not one of the formats read (Withings, Omron, Apple Health, FHIR, BLE capture)</source>
        <translation>ce fichier n’est pas d’un format lu (Withings, Omron, Apple Santé, FHIR, capture BLE)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file cannot be read as text</source>
        <translation>le fichier ne peut pas être lu comme du texte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the zip archive is damaged or incomplete: download it again</source>
        <translation>l’archive zip est abîmée ou incomplète : téléchargez-la à nouveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the first line is not the expected column header</source>
        <translation>la première ligne n’est pas l’en-tête de colonnes attendu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a measurement this page does not hold</source>
        <translation>une mesure que cette page ne suit pas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the unit is not known</source>
        <translation>l’unité n’est pas connue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the measurement is not final (or was entered in error)</source>
        <translation>la mesure n’est pas définitive (ou a été saisie par erreur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the measurement has no time</source>
        <translation>la mesure n’a pas d’heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the payload is not hexadecimal</source>
        <translation>les données ne sont pas en hexadécimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a weight or blood pressure notification</source>
        <translation>ni une notification de poids ni de pression artérielle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the data stops before its end (file or payload cut short)</source>
        <translation>les données s’arrêtent avant la fin (fichier ou trame coupés)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the line cannot be split into columns</source>
        <translation>la ligne ne peut pas être découpée en colonnes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the device reported a failed measurement</source>
        <translation>l’appareil a signalé une mesure échouée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Line %1 of %2: %3</source>
        <translation>Ligne %1 de %2 : %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Weight up %1 kg in 3 days (more than 2 kg: ESC heart failure self-care advice)</source>
        <translation>Poids en hausse de %1 kg en 3 jours (plus de 2 kg : conseil d’autosurveillance ESC de l’insuffisance cardiaque)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blood pressure %1/%2 mmHg: at or above 180/110, urgent evaluation (ESC/ESH)</source>
        <translation>Pression artérielle %1/%2 mmHg : 180/110 ou plus, évaluation urgente (ESC/ESH)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Home blood pressure mean %1/%2 mmHg over %3 readings: at or above 135/85 (ESH/HAS home threshold)</source>
        <translation>Moyenne d’automesure %1/%2 mmHg sur %3 mesures : 135/85 ou plus (seuil d’automesure ESH/HAS)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Systolic %1 mmHg: below 90</source>
        <translation>Systolique %1 mmHg : inférieure à 90</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heart rate %1/min: outside 50–100</source>
        <translation>Fréquence cardiaque %1/min : hors de 50–100</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weight %1 kg above the dry weight (%2 kg)</source>
        <translation>Poids supérieur de %1 kg au poids sec (%2 kg)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No weight sent for %1 days (heart failure follow-up)</source>
        <translation>Aucun poids transmis depuis %1 jours (suivi de l’insuffisance cardiaque)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mean of %1 steps a day over 7 days: below the target of %2</source>
        <translation>Moyenne de %1 pas par jour sur 7 jours : sous l’objectif de %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Irregular pulse flagged by the device: to check (not a diagnosis)</source>
        <translation>Pouls irrégulier signalé par l’appareil : à vérifier (ce n’est pas un diagnostic)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No pathway</source>
        <translation>Aucun parcours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heart failure</source>
        <translation>Insuffisance cardiaque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prevention</source>
        <translation>Prévention</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ESC 2024 “2-2-3” (2 morning, 2 evening, 3 days)</source>
        <translation>ESC 2024 « 2-2-3 » (2 le matin, 2 le soir, 3 jours)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Règle des 3 (3 morning, 3 evening, 3 days running)</source>
        <translation>Règle des 3 (3 le matin, 3 le soir, 3 jours de suite)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dry weight (kg)</source>
        <translation>Poids sec (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gain over the dry weight (kg)</source>
        <translation>Prise au-dessus du poids sec (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight gain (kg)</source>
        <translation>Prise de poids (kg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>…within (days)</source>
        <translation>…en (jours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days without a weight</source>
        <translation>Jours sans poids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home mean systolic (mmHg)</source>
        <translation>Moyenne systolique d’automesure (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home mean diastolic (mmHg)</source>
        <translation>Moyenne diastolique d’automesure (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent systolic (mmHg)</source>
        <translation>Systolique urgente (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent diastolic (mmHg)</source>
        <translation>Diastolique urgente (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low systolic (mmHg)</source>
        <translation>Systolique basse (mmHg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heart rate below (/min)</source>
        <translation>Fréquence cardiaque sous (/min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heart rate above (/min)</source>
        <translation>Fréquence cardiaque au-dessus de (/min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps a day target</source>
        <translation>Objectif de pas par jour</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This pathway is not known.</source>
        <translation>Ce parcours n’est pas connu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This threshold is not known.</source>
        <translation>Ce seuil n’est pas connu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This value is outside what the threshold allows: check it.</source>
        <translation>Cette valeur sort des limites permises pour ce seuil : vérifiez-la.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Seen by %1 on %2</source>
        <translation>Vue par %1 le %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>set by %1 on %2</source>
        <translation>fixé par %1 le %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>several users in the file</source>
        <translation>plusieurs utilisateurs dans le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file names someone else</source>
        <translation>le fichier nomme une autre personne</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>its readings were given to another patient</source>
        <translation>ses mesures ont été attribuées à un autre patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Withdrawn by %1 on %2: %3</source>
        <translation>Retirée par %1 le %2 : %3</translation>
    </message>
</context>
<context>
    <name>ReadingsView</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/page.py" line="-448"/>
        <source>Alerts for this patient</source>
        <translation>Alertes de ce patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No readings for this patient yet: import a file.</source>
        <translation>Aucune mesure pour ce patient : importez un fichier.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A&amp;lerts:</source>
        <translation>A&amp;lertes :</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The chart could not be read. Close the patient&apos;s file and open it again.</source>
        <translation>Le graphique n’a pas pu être lu. Fermez le dossier du patient puis rouvrez-le.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Older readings could not be read. Close the patient&apos;s file and open it again.</source>
        <translation>Les mesures plus anciennes n’ont pas pu être lues. Fermez le dossier du patient puis rouvrez-le.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No alert.</source>
        <translation>Aucune alerte.</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/page.py" line="-488"/>
        <source>Mark as recalled</source>
        <translation>Marquer comme relancé</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n patient(s) selected.</source>
        <translation>
            <numerusform>%n patient sélectionné.</numerusform>
            <numerusform>%n patients sélectionnés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Try again on:</source>
        <translation>&amp;Relancer le :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Contacted by:</source>
        <translation>&amp;Contacté par :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;On:</source>
        <translation>&amp;Le :</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Contacted by</source>
        <translation>Contacté par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recalled on</source>
        <translation>Relancé le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try again on</source>
        <translation>Relancer le</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/reminders_dialog.py" line="+36"/>
        <source>Reminders of %1</source>
        <translation>Rappels du %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+36"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+36"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+35"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Appointments to remind</source>
        <translation>Rendez-vous à rappeler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export writes a file with names and phone numbers: keep it for the reminders only and delete it after.</source>
        <translation>L&apos;export écrit un fichier avec les noms et numéros de téléphone : ne l&apos;utilisez que pour les rappels et supprimez-le ensuite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export for reminders (CSV)…</source>
        <translation>&amp;Exporter pour les rappels (CSV)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The agenda could not be read: try again.</source>
        <translation>L&apos;agenda n&apos;a pas pu être lu : réessayez.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no phone number</source>
        <translation>pas de numéro</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n appointment(s) to remind.</source>
        <translation>
            <numerusform>%n rendez-vous à rappeler.</numerusform>
            <numerusform>%n rendez-vous à rappeler.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export for reminders</source>
        <translation>Exporter pour les rappels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file could not be written there: choose another folder.</source>
        <translation>Le fichier n&apos;a pas pu être écrit ici : choisissez un autre dossier.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n reminder(s) exported.</source>
        <translation>
            <numerusform>%n rappel exporté.</numerusform>
            <numerusform>%n rappels exportés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportBar</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/report_view.py" line="+117"/>
        <source>Period of the report</source>
        <translation>Période du relevé</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>last %n day(s)</source>
        <translation>
            <numerusform>dernier jour</numerusform>
            <numerusform>%n derniers jours</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;port (PDF)…</source>
        <translation>&amp;Relevé (PDF)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Report of the period (PDF)</source>
        <translation>Relevé de la période (PDF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts, statistics, alerts and acknowledgements of the period, for the record or a cardiologist</source>
        <translation>Courbes, statistiques, alertes et prises de connaissance de la période, pour le dossier ou le cardiologue</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save the report</source>
        <translation>Enregistrer le relevé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Making the report…</source>
        <translation>Préparation du relevé…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Report saved: %1</source>
        <translation>Relevé enregistré : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The report could not be made. Check that the folder can be written to, then try again.</source>
        <translation>Le relevé n’a pas pu être fait. Vérifiez que le dossier est accessible en écriture, puis réessayez.</translation>
    </message>
</context>
<context>
    <name>ReportWording</name>
    <message>
        <location line="-152"/>
        <source>Connected-device readings report</source>
        <translation>Relevé des mesures des objets connectés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>born on</source>
        <translation>né(e) le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pathway</source>
        <translation>Parcours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thresholds of this patient</source>
        <translation>Seuils de ce patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set by</source>
        <translation>fixé par</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statistics of the period</source>
        <translation>Statistiques de la période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measurement</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Readings</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lowest</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First → last</source>
        <translation>Première → dernière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home blood pressure</source>
        <translation>Automesure tensionnelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete series: %1 readings from %2, mean %3.</source>
        <translation>Série complète : %1 mesures du %2, moyenne %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incomplete series (%1 readings from %2, mean %3): no conclusion; the protocol&apos;s readings are to be completed.</source>
        <translation>Série incomplète (%1 mesures du %2, moyenne %3) : pas de conclusion ; les mesures du protocole sont à compléter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At or above the threshold of %1 mmHg.</source>
        <translation>Au seuil de %1 mmHg ou au-dessus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Below the threshold of %1 mmHg.</source>
        <translation>Sous le seuil de %1 mmHg.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No home blood pressure series in the period.</source>
        <translation>Aucune série d’automesure tensionnelle dans la période.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>Courbes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alerts and acknowledgements</source>
        <translation>Alertes et prises de connaissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No alert was raised in the period.</source>
        <translation>Aucune alerte dans la période.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seen by</source>
        <translation>Vue par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not seen yet</source>
        <translation>pas encore vue</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Made by</source>
        <translation>Établi par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>page</source>
        <translation>page</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>alert rules version</source>
        <translation>version des règles d’alerte</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/profile_dialogs.py" line="+125"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup becomes a new profile beside the others: nothing on this computer is replaced. Type the passphrase that was in force when the backup was made.</source>
        <translation>La sauvegarde devient un nouveau profil à côté des autres&#xa0;: rien n&apos;est remplacé sur cet ordinateur. Saisissez la phrase de passe en vigueur lors de la sauvegarde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>Backup file</source>
        <translation>Fichier de sauvegarde</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Passphrase of the backup</source>
        <translation>Phrase de passe de la sauvegarde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backup &amp;file:</source>
        <translation>&amp;Fichier de sauvegarde&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TSN Desktop backups (*.tsnbackup)</source>
        <translation>Sauvegardes TSN Desktop (*.tsnbackup)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the backup file (it ends in .tsnbackup).</source>
        <translation>Choisissez le fichier de sauvegarde (il se termine par .tsnbackup).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This passphrase does not open the backup. Type the one that was in force when the backup was made.</source>
        <translation>Cette phrase de passe ne déverrouille pas cette sauvegarde. Saisissez celle qui était en vigueur lors de la sauvegarde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile could not be written on this computer. Check that the disk is not full, then try again.</source>
        <translation>Le profil n&apos;a pas pu être écrit sur cet ordinateur. Vérifiez que le disque n&apos;est pas plein, puis réessayez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file is not a TSN Desktop backup.</source>
        <translation>Ce fichier n&apos;est pas une sauvegarde TSN Desktop.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This backup is damaged and cannot be restored. Try an earlier backup.</source>
        <translation>Cette sauvegarde est endommagée et ne peut pas être restaurée. Essayez une sauvegarde plus ancienne.</translation>
    </message>
</context>
<context>
    <name>RoundDialog</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/round_dialog.py" line="+108"/>
        <source>Home-visit round</source>
        <translation>Tournée de visites à domicile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Day of the round</source>
        <translation>Jour de la tournée</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Visits of the round, in order</source>
        <translation>Visites de la tournée, dans l’ordre</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Propose an order</source>
        <translation>&amp;Proposer un ordre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Descen&amp;dre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save order and times</source>
        <translation>&amp;Enregistrer ordre et horaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the round &amp;sheet…</source>
        <translation>Imprimer la &amp;feuille de tournée…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark &amp;done</source>
        <translation>Marquer fai&amp;te</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Not at home</source>
        <translation>&amp;Absent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day:</source>
        <translation>Jour :</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Order proposed: fixed-time visits first, then the nearest commune. Save it to keep it.</source>
        <translation>Ordre proposé : d&apos;abord les visites à heure fixe, puis la commune la plus proche. Enregistrez-le pour le garder.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visite</numerusform>
            <numerusform>%n visites</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from %1 to %2</source>
        <translation>de %1 à %2</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n fixed-time visit(s) reached late: move them up</source>
        <translation>
            <numerusform>%n visite à heure fixe atteinte en retard : remontez-la</numerusform>
            <numerusform>%n visites à heure fixe atteintes en retard : remontez-les</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n address(es) not found among the communes: 15 min of travel counted</source>
        <translation>
            <numerusform>%n adresse hors des communes connues : 15 min de trajet comptées</numerusform>
            <numerusform>%n adresses hors des communes connues : 15 min de trajet comptées</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The round could not be read or saved: try again.</source>
        <translation>La tournée n&apos;a pas pu être lue ou enregistrée : réessayez.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Order and times saved in the agenda.</source>
        <translation>Ordre et horaires enregistrés dans l&apos;agenda.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved on this computer; it reaches the hub at the next sync.</source>
        <translation>Enregistré sur cet ordinateur ; transmis au hub à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Home-visit round of %1</source>
        <translation>Tournée de visites du %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaving from: %1</source>
        <translation>Départ : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What to do</source>
        <translation>Soins</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fixed time %1 (±15 min)</source>
        <translation>heure fixe %1 (±15 min)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LATER than the fixed time</source>
        <translation>APRÈS l&apos;heure fixe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min drive</source>
        <translation>%1 min de route</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed at %1 · %2 visits · confidential: patient data</source>
        <translation>Imprimé à %1 · %2 visites · confidentiel : données de patients</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No visit this day: nothing to print.</source>
        <translation>Aucune visite ce jour-là : rien à imprimer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Round sheet</source>
        <translation>Feuille de tournée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The sheet could not be written there: choose another folder.</source>
        <translation>La feuille n&apos;a pas pu être écrite ici : choisissez un autre dossier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Round sheet written: %1</source>
        <translation>Feuille de tournée écrite : %1</translation>
    </message>
</context>
<context>
    <name>RoundModel</name>
    <message>
        <location line="-272"/>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do</source>
        <translation>Soins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Fixed time: %1 (±15 min)</source>
        <translation>Heure fixe : %1 (±15 min)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(fixed)</source>
        <translation>(fixe)</translation>
    </message>
</context>
<context>
    <name>ScopeDialog</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/scope_dialog.py" line="+25"/>
        <source>Recurring appointment</source>
        <translation>Rendez-vous répété</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This appointment repeats. Apply the change to:</source>
        <translation>Ce rendez-vous se répète. Appliquer la modification à :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;This appointment only</source>
        <translation>&amp;Ce rendez-vous seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This one and the &amp;following ones</source>
        <translation>Celui-ci et les &amp;suivants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;All the appointments of the series</source>
        <translation>&amp;Tous les rendez-vous de la série</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>You changed the day: that only applies to this appointment (the series&apos; days follow its rule).</source>
        <translation>Vous avez changé le jour : cela ne vaut que pour ce rendez-vous (les jours de la série suivent sa règle).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Visits already done, missed, or edited on their own keep what they were.</source>
        <translation>Les visites déjà faites, manquées ou modifiées seules restent comme elles étaient.</translation>
    </message>
</context>
<context>
    <name>ScopeTexts</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/scope_texts.py" line="+12"/>
        <source>On your own initiative you may vaccinate from %1 years: this dose is given on a physician&apos;s prescription. Name the prescriber below.</source>
        <translation>De votre propre initiative, vous pouvez vacciner à partir de %1 ans : cette dose est administrée sur prescription médicale. Indiquez le prescripteur ci-dessous.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On your own initiative you may vaccinate women, children and the entourage of an infant: this dose is given on a physician&apos;s prescription. Name the prescriber below.</source>
        <translation>De votre propre initiative, vous pouvez vacciner les femmes, les enfants et l&apos;entourage d&apos;un nourrisson : cette dose est administrée sur prescription médicale. Indiquez le prescripteur ci-dessous.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A live vaccine for an immunocompromised patient is given only on a physician&apos;s prescription. Name the prescriber below.</source>
        <translation>Un vaccin vivant chez un patient immunodéprimé n&apos;est administré que sur prescription médicale. Indiquez le prescripteur ci-dessous.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your profession does not vaccinate on its own initiative: this dose is given on a physician&apos;s prescription. Name the prescriber below.</source>
        <translation>Votre profession ne vaccine pas de sa propre initiative : cette dose est administrée sur prescription médicale. Indiquez le prescripteur ci-dessous.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name the prescribing physician and their RPPS number (11 digits).</source>
        <translation>Indiquez le médecin prescripteur et son numéro RPPS (11 chiffres).</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/settings_dialog.py" line="+43"/>
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
        <location line="+4"/>
        <source>Lock after inactivity, in minutes</source>
        <translation>Verrouillage après inactivité, en minutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> min</source>
        <translation>&#xa0;min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Without keyboard or mouse activity for this long, TSN Desktop hides patient data and asks for the passphrase.</source>
        <translation>Sans activité du clavier ou de la souris pendant cette durée, TSN Desktop masque les données des patients et demande la phrase de passe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Automatic backup every, in days</source>
        <translation>Sauvegarde automatique tous les, en jours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>never (only when asked)</source>
        <translation>jamais (seulement sur demande)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Into {folder}. Profile › Back up now chooses the folder.</source>
        <translation>Dans {folder}. Profil › Sauvegarder maintenant choisit le dossier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No backup folder yet: Profile › Back up now chooses it, and the automatic backups go there.</source>
        <translation>Pas encore de dossier de sauvegarde&#xa0;: Profil › Sauvegarder maintenant le choisit, et les sauvegardes automatiques y vont.</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <source>&amp;Back up every:</source>
        <translation>&amp;Sauvegarder tous les&#xa0;:</translation>
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
        <location filename="../tsn_desktop/patients/ui/care_team_tab.py" line="-338"/>
        <source>Share with a colleague</source>
        <translation>Partager avec un collègue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The colleague will see this patient&apos;s file on the hub after the next synchronisation, and the changes made to it from then on.</source>
        <translation>Le collègue verra le dossier de ce patient sur le hub après la prochaine synchronisation, ainsi que ses modifications ultérieures.</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+2"/>
        <source>RPPS number problem</source>
        <translation>Problème de numéro RPPS</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+9"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Share</source>
        <translation>&amp;Partager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share the patient&apos;s file</source>
        <translation>Partager le dossier du patient</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+53"/>
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
        <location filename="../tsn_desktop/sync/ui/review.py" line="+335"/>
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
        <location line="+60"/>
        <source>Refused by the hub</source>
        <translation>Refusés par le hub</translation>
    </message>
    <message>
        <location line="-56"/>
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
        <source>No conflict to review.</source>
        <translation>Aucun conflit à revoir.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+45"/>
        <location line="+127"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location line="-172"/>
        <location line="+45"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+45"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Conflicts to review</source>
        <translation>Conflits à revoir</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+157"/>
        <source>Select a conflict to compare your copy with the hub&apos;s.</source>
        <translation>Sélectionnez un conflit pour comparer votre version à celle du hub.</translation>
    </message>
    <message>
        <location line="-155"/>
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
        <location line="+18"/>
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
        <location line="+60"/>
        <source>The lists could not be read. Close this window and try again.</source>
        <translation>Les listes n&apos;ont pas pu être lues. Fermez cette fenêtre et réessayez.</translation>
    </message>
    <message>
        <location line="+29"/>
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
        <location line="+46"/>
        <source>This could not be done. The lists were read again.</source>
        <translation>L&apos;action n&apos;a pas pu être faite. Les listes ont été relues.</translation>
    </message>
    <message>
        <location line="-338"/>
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
        <location line="+2"/>
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
        <location line="+1"/>
        <source>Return-home task</source>
        <translation>Tâche de retour à domicile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared document</source>
        <translation>Document partagé</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <location line="+348"/>
        <source>Changed here and on the hub</source>
        <translation>Modifiée ici et sur le hub</translation>
    </message>
    <message>
        <location line="-352"/>
        <source>Identity set by the INS on the hub</source>
        <translation>Identité fixée par l&apos;INS du hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed on one side, deleted on the other</source>
        <translation>Modifiée d&apos;un côté, supprimée de l&apos;autre</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+2"/>
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
        <location line="+14"/>
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
    <name>TextDialog</name>
    <message>
        <location filename="../tsn_desktop/network/ui/dialogs.py" line="+23"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <location filename="../tsn_desktop/network/ui/page.py" line="-519"/>
        <source>Discussion opening</source>
        <translation>Ouverture de la discussion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Participants and what they have read</source>
        <translation>Participants et ce qu&apos;ils ont lu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your reply</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your reply (Ctrl+Enter sends it, even offline)</source>
        <translation>Votre réponse (Ctrl+Entrée l&apos;envoie, même hors ligne)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a &amp;participant…</source>
        <translation>Ajouter un &amp;participant…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit my message…</source>
        <translation>&amp;Modifier mon message…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withdraw my message</source>
        <translation>&amp;Retirer mon message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lose with a decision…</source>
        <translation>C&amp;lore avec une décision…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;ttach a file…</source>
        <translation>&amp;Joindre un fichier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PDF or an image, 180 kB at most; it is kept encrypted in your profile.</source>
        <translation>Un PDF ou une image, 180 ko au plus ; il est conservé chiffré dans votre profil.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the attac&amp;hments as…</source>
        <translation>Enre&amp;gistrer les pièces jointes sous…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Files attached to the reply</source>
        <translation>Fichiers joints à la réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Choose a discussion, or open a new one (Ctrl+N).</source>
        <translation>Choisissez une discussion, ou ouvrez-en une nouvelle (Ctrl+N).</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Show %n earlier message(s)</source>
        <translation>
            <numerusform>Afficher le message précédent</numerusform>
            <numerusform>Afficher les %n messages précédents</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Patient: %1</source>
        <translation>Patient : %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asked by %1 on %2</source>
        <translation>Demandé par %1 le %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Question: %1</source>
        <translation>Question : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Context: %1</source>
        <translation>Contexte : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected: %1</source>
        <translation>Attendu : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answer wanted by %1</source>
        <translation>Réponse souhaitée avant le %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed. Decision: %1</source>
        <translation>Close. Décision : %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (not read yet)</source>
        <translation>%1 (pas encore lu)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (read up to %2)</source>
        <translation>%1 (lu jusqu&apos;au %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Participants: %1</source>
        <translation>Participants : %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attached: %1</source>
        <translation>Joint : %1</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <location filename="../tsn_desktop/readings/ui/alerts_view.py" line="+200"/>
        <source>Thresholds of this patient</source>
        <translation>Seuils de ce patient</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Home blood pressure protocol of this patient</source>
        <translation>Protocole d’automesure tensionnelle de ce patient</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Home BP protocol:</source>
        <translation>Protocole d’automesure :</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>default %1</source>
        <translation>par défaut %1</translation>
    </message>
</context>
<context>
    <name>TraceWords</name>
    <message numerus="yes">
        <location filename="../tsn_desktop/vaccination/ui/texts.py" line="+67"/>
        <source>dose %1 not valid: interval too short, %n day(s) &lt; %2</source>
        <translation>
            <numerusform>dose %1 non valide : intervalle trop court, %n jour &lt; %2</numerusform>
            <numerusform>dose %1 non valide : intervalle trop court, %n jours &lt; %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TsnApp</name>
    <message>
        <location filename="../tsn_desktop/app.py" line="+58"/>
        <source>The passphrase is right but the practice database does not open: it may be damaged. Restore the profile folder from your backup.</source>
        <translation>La phrase de passe est correcte mais la base de données du cabinet ne s&apos;ouvre pas&#xa0;: elle est peut-être endommagée. Restaurez le dossier du profil depuis votre sauvegarde.</translation>
    </message>
    <message>
        <location line="+450"/>
        <source>The automatic backup could not be made (is the backup folder or USB key there?). It will be tried again in an hour.</source>
        <translation>La sauvegarde automatique n’a pas pu être faite (le dossier ou la clé USB de sauvegarde est-il là&#xa0;?). Nouvel essai dans une heure.</translation>
    </message>
    <message>
        <location filename="../tsn_desktop/screenshots.py" line="+67"/>
        <source>The practice database could not be opened.</source>
        <translation>La base de données du cabinet n&apos;a pas pu être ouverte.</translation>
    </message>
</context>
<context>
    <name>TypesDialog</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/agenda_settings.py" line="-248"/>
        <source>Appointment types</source>
        <translation>Types de rendez-vous</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default duration</source>
        <translation>Durée par défaut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name of a new type</source>
        <translation>Nom d&apos;un nouveau type</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+29"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>&amp;Add this type</source>
        <translation>&amp;Ajouter ce type</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Colour of %1</source>
        <translation>Couleur de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default duration of %1</source>
        <translation>Durée par défaut de %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Give the type a name (60 characters at most).</source>
        <translation>Donnez un nom au type (60 caractères au plus).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The types could not be saved: try again.</source>
        <translation>Les types n&apos;ont pas pu être enregistrés : réessayez.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../tsn_desktop/ui/unlock.py" line="+62"/>
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
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore a backup as a new profile</source>
        <translation>Restaurer une sauvegarde comme nouveau profil</translation>
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
        <location line="+41"/>
        <source>The count of wrong passphrases of this profile is unreadable (the file was edited or damaged): for safety, the next try waits 15 minutes.</source>
        <translation>Le compte des phrases de passe erronées de ce profil est illisible (fichier modifié ou endommagé)&#xa0;: par sécurité, le prochain essai attend 15 minutes.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Damaged profile ({folder})</source>
        <translation>Profil endommagé ({folder})</translation>
    </message>
    <message>
        <location line="-69"/>
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
    <name>VaccinationPageTexts</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/page_texts.py" line="+14"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due now</source>
        <translation>À faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coming</source>
        <translation>À venir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue only</source>
        <translation>En retard seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue and due now</source>
        <translation>En retard et à faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due by the end of this week</source>
        <translation>À faire d’ici la fin de la semaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due by the end of this month</source>
        <translation>À faire d’ici la fin du mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due by a chosen date</source>
        <translation>À faire d’ici une date choisie</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Under 2 years</source>
        <translation>Moins de 2 ans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 to 5 years</source>
        <translation>2 à 5 ans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>6 to 10 years</source>
        <translation>6 à 10 ans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 to 17 years</source>
        <translation>11 à 17 ans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>18 to 64 years</source>
        <translation>18 à 64 ans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>65 years and over</source>
        <translation>65 ans et plus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter</source>
        <translation>Courrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compulsory (children)</source>
        <translation>Obligatoires (enfants)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended</source>
        <translation>Recommandés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose how the patient was contacted.</source>
        <translation>Choisissez comment le patient a été contacté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recall date cannot be in the future.</source>
        <translation>La date de relance ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date to try again must be on or after the recall date.</source>
        <translation>La date de nouvelle relance doit être le jour de la relance ou après.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the patients recalled in the list first.</source>
        <translation>Sélectionnez d’abord dans la liste les patients relancés.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Injection-site reaction</source>
        <translation>Réaction au point d’injection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fever</source>
        <translation>Fièvre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rash</source>
        <translation>Éruption cutanée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urticaria</source>
        <translation>Urticaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anaphylaxis</source>
        <translation>Anaphylaxie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Syncope</source>
        <translation>Syncope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seizure</source>
        <translation>Convulsions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hypotonic-hyporesponsive episode</source>
        <translation>Épisode d’hypotonie-hyporéactivité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Persistent crying</source>
        <translation>Pleurs persistants</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lymphadenopathy</source>
        <translation>Adénopathie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joint pain</source>
        <translation>Arthralgies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headache</source>
        <translation>Céphalées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Muscle pain</source>
        <translation>Myalgies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fatigue</source>
        <translation>Asthénie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digestive signs</source>
        <translation>Troubles digestifs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other (describe)</source>
        <translation>Autre (à décrire)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Life-threatening</source>
        <translation>Mise en jeu du pronostic vital</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hospitalisation or longer stay</source>
        <translation>Hospitalisation ou prolongation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lasting disability or incapacity</source>
        <translation>Incapacité ou invalidité durable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Congenital anomaly</source>
        <translation>Anomalie congénitale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other medically important event</source>
        <translation>Autre situation médicale grave</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovered</source>
        <translation>Guérison sans séquelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovering</source>
        <translation>En cours de guérison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recovered</source>
        <translation>Non encore guéri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recovered with sequelae</source>
        <translation>Guérison avec séquelles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fatal</source>
        <translation>Décès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick at least one sign or describe what happened.</source>
        <translation>Cochez au moins un signe ou décrivez ce qui s’est passé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first sign cannot come before the dose.</source>
        <translation>Le premier signe ne peut pas précéder la dose.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first sign cannot be in the future.</source>
        <translation>Le premier signe ne peut pas être dans le futur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The delay after the injection cannot be negative.</source>
        <translation>Le délai après l’injection ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the signs, criteria and outcome in the lists.</source>
        <translation>Choisissez les signes, critères et évolution dans les listes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A fatal outcome needs the seriousness criterion Death.</source>
        <translation>Une évolution fatale demande le critère de gravité Décès.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the dose the event followed.</source>
        <translation>Choisissez la dose après laquelle l’effet est survenu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Vaccinated</source>
        <translation>Vacciné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>Pas encore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>Refus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hexavalent (DTaP-IPV-Hib-HepB), 3 doses at 12 months</source>
        <translation>Hexavalent (DTCaP-Hib-HépB), 3 doses à 12 mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pneumococcal, 3 doses at 12 months</source>
        <translation>Pneumocoque, 3 doses à 12 mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meningococcal B, 3 doses at 24 months</source>
        <translation>Méningocoque B, 3 doses à 24 mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meningococcal C / ACWY, 2 doses at 24 months</source>
        <translation>Méningocoque C / ACWY, 2 doses à 24 mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MMR, 1 dose at 12 months</source>
        <translation>ROR, 1 dose à 12 mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MMR, 2 doses at 24 months</source>
        <translation>ROR, 2 doses à 24 mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HPV, 1 dose at 15 years, girls</source>
        <translation>HPV, 1 dose à 15 ans, filles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HPV, 1 dose at 15 years, boys</source>
        <translation>HPV, 1 dose à 15 ans, garçons</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HPV, 2 doses at 16 years, girls</source>
        <translation>HPV, 2 doses à 16 ans, filles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HPV, 2 doses at 16 years, boys</source>
        <translation>HPV, 2 doses à 16 ans, garçons</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flu, 65 years and over, this season</source>
        <translation>Grippe, 65 ans et plus, cette saison</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dTcaP-IPV booster at 25 years</source>
        <translation>Rappel dTcaPolio de 25 ans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dTP-IPV booster at 45 years</source>
        <translation>Rappel dTPolio de 45 ans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dTP-IPV booster at 65 years</source>
        <translation>Rappel dTPolio de 65 ans</translation>
    </message>
</context>
<context>
    <name>VaccinationTexts</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/texts.py" line="-26"/>
        <source>minus %1 grace</source>
        <comment>duration: 4-day grace period</comment>
        <translation>moins %1 de tolérance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>minus %1</source>
        <comment>duration</comment>
        <translation>moins %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plus %1</source>
        <comment>duration</comment>
        <translation>plus %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>dose %1 not valid: too young, %2 &lt; absolute minimum age %3</source>
        <translation>dose %1 non valide : âge trop jeune, %2 &lt; âge minimum absolu %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose %1 valid within the 4-day grace period of the minimum age (%2)</source>
        <translation>dose %1 valide dans la tolérance de 4 jours sur l&apos;âge minimum (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose %1 extraneous: given at or after the maximum age (%2)</source>
        <translation>dose %1 superflue : donnée après l&apos;âge maximum (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose %1 valid within the 4-day grace period of the interval (%2)</source>
        <translation>dose %1 valide dans la tolérance de 4 jours sur l&apos;intervalle (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose %1 valid under the allowable interval (%2)</source>
        <translation>dose %1 valide selon l&apos;intervalle acceptable (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose %1 not valid: conflicts with the live vaccine given on %2</source>
        <translation>dose %1 non valide : conflit avec le vaccin vivant du %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose %1 not valid: vaccine %2 neither preferable nor allowable here</source>
        <translation>dose %1 non valide : vaccin %2 ni préférable ni acceptable à cet âge</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose %1 not valid: inadvertent administration of vaccine %2</source>
        <translation>dose %1 non valide : administration inappropriée du vaccin %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose of %1 extraneous: the series was already complete</source>
        <translation>dose du %1 superflue : la série était déjà complète</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose %1 sub standard (expired lot or dose condition): repeat it</source>
        <translation>dose %1 non conforme (lot périmé ou incident) : à refaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>dose %1 valid</source>
        <translation>dose %1 valide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dose %1 not required: %2</source>
        <translation>dose %1 non requise : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vaccine %1 unknown to the supporting data, ignored</source>
        <translation>vaccin %1 inconnu des données de référence, ignoré</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: evidence of immunity</source>
        <translation>%1 : preuve d&apos;immunité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: contraindication (%2)</source>
        <translation>%1 : contre-indication (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: too old to finish the series</source>
        <translation>%1 : âge maximum dépassé pour terminer la série</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: series %2 complete</source>
        <translation>%1 : série %2 complète</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: no dose recommended (%2)</source>
        <translation>%1 : pas de dose recommandée (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: dose %2 earliest %3, recommended %4</source>
        <translation>%1 : dose %2 au plus tôt le %3, recommandée le %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: selected series %2</source>
        <translation>%1 : série retenue %2</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>À faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Immune</source>
        <translation>Immunisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contraindicated</source>
        <translation>Contre-indiqué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recommended</source>
        <translation>Non recommandé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded here</source>
        <translation>Saisi ici</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received from the hub</source>
        <translation>Reçu du hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transcribed from the paper carnet</source>
        <translation>Recopié du carnet papier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reported by the patient</source>
        <translation>Déclaré par le patient</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administered</source>
        <translation>Administrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given before (history)</source>
        <translation>Antécédent (déjà faite)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not given</source>
        <translation>Non administrée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refused</source>
        <translation>refus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contraindicated</source>
        <translation>contre-indication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already immune</source>
        <translation>déjà immunisé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deferred</source>
        <translation>reportée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>left deltoid</source>
        <translation>deltoïde gauche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>right deltoid</source>
        <translation>deltoïde droit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left thigh</source>
        <translation>cuisse gauche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>right thigh</source>
        <translation>cuisse droite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mouth</source>
        <translation>bouche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nose</source>
        <translation>nez</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>intramuscular</source>
        <translation>intramusculaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>subcutaneous</source>
        <translation>sous-cutanée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>intradermal</source>
        <translation>intradermique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oral</source>
        <translation>orale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nasal</source>
        <translation>nasale</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>practice</source>
        <translation>cabinet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pharmacy</source>
        <translation>officine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vaccination centre</source>
        <translation>centre de vaccination</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hospital</source>
        <translation>hôpital</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>school</source>
        <translation>école</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>home visit</source>
        <translation>à domicile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elsewhere</source>
        <translation>autre lieu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GP</source>
        <translation>médecin généraliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>physician</source>
        <translation>médecin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nurse</source>
        <translation>infirmier·ère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>pharmacist</source>
        <translation>pharmacien·ne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>midwife</source>
        <translation>sage-femme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The date is in the future: enter the day the dose was given.</source>
        <translation>La date est dans le futur : saisissez le jour où la dose a été faite.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date is before the patient&apos;s birth: check the date.</source>
        <translation>La date est antérieure à la naissance du patient : vérifiez-la.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the vaccine in the list (type its name to find it).</source>
        <translation>Choisissez le vaccin dans la liste (tapez son nom pour le trouver).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the lot number printed on the pack (or scan it).</source>
        <translation>Saisissez le numéro de lot imprimé sur la boîte (ou scannez-la).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lot number holds invisible characters: type it again.</source>
        <translation>Le numéro de lot contient des caractères invisibles : saisissez-le à nouveau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A lot number has at most 20 characters: check it.</source>
        <translation>Un numéro de lot a au plus 20 caractères : vérifiez-le.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The lot had expired on the day of the vaccination: check the expiry date, or do not use this pack.</source>
        <translation>Le lot était périmé le jour de la vaccination : vérifiez la date de péremption, ou n’utilisez pas cette boîte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This vaccine is not given by this route: choose another.</source>
        <translation>Ce vaccin ne s’administre pas par cette voie : choisissez-en une autre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This site is not used for this vaccine: choose another.</source>
        <translation>Ce site n’est pas utilisé pour ce vaccin : choisissez-en un autre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say why the dose was not given.</source>
        <translation>Indiquez pourquoi la dose n’a pas été faite.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The RPPS number of who gave the dose is not valid.</source>
        <translation>Le numéro RPPS du vaccinateur n’est pas valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say why this dose was entered in error.</source>
        <translation>Indiquez pourquoi cette dose est une saisie erronée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This dose is already marked as entered in error.</source>
        <translation>Cette dose est déjà marquée comme saisie erronée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the date as dd/mm/yyyy.</source>
        <translation>Saisissez la date sous la forme jj/mm/aaaa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the expiry date as dd/mm/yyyy (or scan the pack).</source>
        <translation>Saisissez la date de péremption sous la forme jj/mm/aaaa (ou scannez la boîte).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This is not a GS1 DataMatrix of a medicine pack: scan the square code on the pack, or type the lot and expiry.</source>
        <translation>Ce n’est pas le DataMatrix GS1 d’une boîte de médicament : scannez le code carré de la boîte, ou saisissez le lot et la péremption.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The product code of this scan is damaged (wrong check digit): scan the pack again.</source>
        <translation>Le code produit de ce scan est altéré (clé de contrôle fausse) : scannez la boîte à nouveau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This code has no product number: scan the pack&apos;s DataMatrix, not another label.</source>
        <translation>Ce code ne contient pas de code produit : scannez le DataMatrix de la boîte, pas une autre étiquette.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This lot expired on %1: do not use this pack.</source>
        <translation>Ce lot est périmé depuis le %1 : n’utilisez pas cette boîte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lot and expiry filled in. This pack&apos;s code is not in the catalogue: choose the vaccine in the list; it will be recognised next time.</source>
        <translation>Lot et péremption remplis. Le code de cette boîte n’est pas dans le catalogue : choisissez le vaccin dans la liste ; il sera reconnu la prochaine fois.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vaccine, lot and expiry filled in from the scan.</source>
        <translation>Vaccin, lot et péremption remplis à partir du scan.</translation>
    </message>
</context>
<context>
    <name>VaccinationsPage</name>
    <message>
        <location filename="../tsn_desktop/vaccination/ui/page.py" line="+504"/>
        <source>&amp;Due list</source>
        <translation>Vaccinations à &amp;faire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;overage</source>
        <translation>C&amp;ouverture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Flu and COVID season</source>
        <translation>Saison &amp;grippe et Covid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Adverse events</source>
        <translation>Effets &amp;indésirables</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parts of the Vaccinations page</source>
        <translation>Parties de la page Vaccinations</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../tsn_desktop/ui/wizard.py" line="-159"/>
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
        <location filename="../tsn_desktop/ui/wording.py" line="-86"/>
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
<context>
    <name>_ColourButton</name>
    <message>
        <location filename="../tsn_desktop/agenda/ui/agenda_settings.py" line="-98"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
</context>
</TS>
