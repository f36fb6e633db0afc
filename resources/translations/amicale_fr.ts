<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BirthdayListModel</name>
    <message>
        <location filename="../../ui/panels/today.py" line="+118"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>age %1</source>
        <translation>%1 ans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>class of %1</source>
        <translation>promo %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>wished via %1 at %2</source>
        <translation>vœux envoyés via %1 à %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no contact details</source>
        <translation>aucun moyen de contact</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../ui/models/duplicate_pairs.py" line="+36"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Same email</source>
        <translation>Même e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same LinkedIn profile</source>
        <translation>Même profil LinkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same name and phone</source>
        <translation>Même nom et même téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same name and class year</source>
        <translation>Même nom et même promo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First and last name swapped</source>
        <translation>Prénom et nom inversés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Similar name, same class year</source>
        <translation>Nom proche, même promo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import: same name and class year</source>
        <translation>Import&#xa0;: même nom et même promo</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../ui/panels/duplicates.py" line="+120"/>
        <source>Scan the whole directory</source>
        <translation>Analyser tout l’annuaire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Look for members who may be the same person: same email, same LinkedIn profile, same name and class year or phone, or a name one typo apart.</source>
        <translation>Chercher les membres qui pourraient être la même personne&#xa0;: même e-mail, même profil LinkedIn, même nom et même promo ou même téléphone, ou un nom à une faute de frappe près.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Amber: both members have a different value; a merge keeps the one of the member merged into. Green: a merge fills it in or combines the lists. Tags, communities and history are always kept.</source>
        <translation>Orange&#xa0;: les deux membres ont une valeur différente&#xa0;; la fusion garde celle du membre conservé. Vert&#xa0;: la fusion complète le champ ou réunit les listes. Les étiquettes, les communautés et l’historique sont toujours conservés.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Merge into left</source>
        <translation>Fusionner à gauche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the left member, fill its empty fields and add the tags and communities of the right one, then delete the right one</source>
        <translation>Garder le membre de gauche, compléter ses champs vides et lui ajouter les étiquettes et communautés de celui de droite, puis supprimer celui de droite</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merge into right</source>
        <translation>Fusionner à droite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the right member, fill its empty fields and add the tags and communities of the left one, then delete the left one</source>
        <translation>Garder le membre de droite, compléter ses champs vides et lui ajouter les étiquettes et communautés de celui de gauche, puis supprimer celui de gauche</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not the same person</source>
        <translation>Pas la même personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both members; this pair will not be proposed again</source>
        <translation>Garder les deux membres&#xa0;; cette paire ne sera plus proposée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add to this member</source>
        <translation>Ajouter à ce membre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill the member&apos;s empty fields and add the tags from the imported row; values the member already has are kept</source>
        <translation>Compléter les champs vides du membre et ajouter les étiquettes de la ligne importée&#xa0;; les valeurs déjà présentes sont conservées</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create as new member</source>
        <translation>Créer un nouveau membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The imported row is someone else: create it as a new member</source>
        <translation>La ligne importée est une autre personne&#xa0;: en faire un nouveau membre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discard</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the imported row; the member is left as it is</source>
        <translation>Abandonner la ligne importée&#xa0;; le membre reste tel quel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave this pair for later and show the next one (Down in the list too)</source>
        <translation>Garder cette paire pour plus tard et afficher la suivante (aussi avec Bas dans la liste)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No duplicates to review. Imports put the rows they were unsure about here; scan the whole directory to look for more.</source>
        <translation>Aucun doublon à examiner. Les imports placent ici les lignes dont ils ne sont pas sûrs&#xa0;; analysez tout l’annuaire pour en chercher d’autres.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>That pair no longer exists; it was removed.</source>
        <translation>Cette paire n’existe plus&#xa0;; elle a été retirée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 — name likeness %2</source>
        <translation>%1 — ressemblance des noms %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+14"/>
        <source>%1 (no. %2)</source>
        <translation>%1 (n°&#xa0;%2)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>an import</source>
        <translation>un import</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (from %2, line %3)</source>
        <translation>%1 (de %2, ligne %3)</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Noted: they are different people; this pair will not come back.</source>
        <translation>C’est noté&#xa0;: ce sont deux personnes différentes&#xa0;; cette paire ne reviendra pas.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Created as a new member (no. %1).</source>
        <translation>Créé comme nouveau membre (n°&#xa0;%1).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The imported row was discarded.</source>
        <translation>La ligne importée a été abandonnée.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Merged.</source>
        <translation>Fusionné.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filled in: %1.</source>
        <translation>Complété&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kept as they were: %1 (the other values are in the log).</source>
        <translation>Conservé tel quel&#xa0;: %1 (les autres valeurs sont dans l’historique).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tags and communities added: %1.</source>
        <translation>Étiquettes et communautés ajoutées&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Scanning the directory…</source>
        <translation>Analyse de l’annuaire…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Scan finished in %1 s. Pairs found: %2.</source>
        <translation>Analyse terminée en %1&#xa0;s. Paires trouvées&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scan cancelled.</source>
        <translation>Analyse annulée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scan failed: %1</source>
        <translation>L’analyse a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Pairs to review: %1.</source>
        <translation>Paires à examiner&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>EmailsDialog</name>
    <message>
        <location filename="../../ui/panels/tags.py" line="+60"/>
        <source>Tag a list of emails</source>
        <translation>Étiqueter une liste d’e-mails</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the emails of the members to tag with “%1”:</source>
        <translation>Collez les e-mails des membres qui recevront l’étiquette «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>one email per line, or separated by , or ;</source>
        <translation>un e-mail par ligne, ou séparés par , ou ;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag</source>
        <translation>Étiqueter</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="+84"/>
        <location line="+206"/>
        <source>Export members</source>
        <translation>Exporter des membres</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>Members to export</source>
        <translation>Membres à exporter</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>The selected members (%Ln)</source>
        <translation>
            <numerusform>Le membre sélectionné (%Ln)</numerusform>
            <numerusform>Les membres sélectionnés (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV (comma-separated, UTF-8)</source>
        <translation>CSV (virgules, UTF-8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV for Excel in French (semicolon-separated)</source>
        <translation>CSV pour Excel en français (points-virgules)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vCard contacts (.vcf)</source>
        <translation>Contacts vCard (.vcf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailchimp audience (CSV)</source>
        <translation>Audience Mailchimp (CSV)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick the columns to export; drag to reorder.</source>
        <translation>Cochez les colonnes à exporter&#xa0;; faites-les glisser pour changer l’ordre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vCard files (*.vcf)</source>
        <translation>Fichiers vCard (*.vcf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The current search (counting…)</source>
        <translation>La recherche en cours (décompte…)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The current search (%Ln)</source>
        <translation>
            <numerusform>La recherche en cours (%Ln)</numerusform>
            <numerusform>La recherche en cours (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All members (counting…)</source>
        <translation>Tous les membres (décompte…)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All members (%Ln)</source>
        <translation>
            <numerusform>Tous les membres (%Ln)</numerusform>
            <numerusform>Tous les membres (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A vCard holds the name, email, phone, company, address, birthday, LinkedIn profile, school, class year and tags.</source>
        <translation>Une vCard contient le nom, l’e-mail, le téléphone, l’entreprise, l’adresse, la date de naissance, le profil LinkedIn, l’école, la promo et les étiquettes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns Email Address, First Name, Last Name and TAGS; only members with an email address who gave their newsletter consent.</source>
        <translation>Colonnes Email Address, First Name, Last Name et TAGS&#xa0;; seulement les membres qui ont une adresse e-mail et ont accepté la newsletter.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The current search (cannot be run)</source>
        <translation>La recherche en cours (impossible à exécuter)</translation>
    </message>
    <message numerus="yes">
        <location line="+67"/>
        <source>%Ln member(s) exported to %1</source>
        <translation>
            <numerusform>%Ln membre exporté vers %1</numerusform>
            <numerusform>%Ln membres exportés vers %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé&#xa0;: aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The export failed: %1</source>
        <translation>L’export a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/labels.py" line="+11"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job title</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>School / programme</source>
        <translation>École / filière</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class year</source>
        <translation>Promo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dues paid for</source>
        <translation>Dernière cotisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified through</source>
        <translation>Vérifié via</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newsletter consent</source>
        <translation>Consentement newsletter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contacted</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Communities</source>
        <translation>Communautés</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/dialogs/first_start.py" line="+34"/>
        <source>Welcome to Amicale</source>
        <translation>Bienvenue dans Amicale</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amicale keeps your association&apos;s graduates on this computer, even offline. Start with your own association, or look around a fictional one first.</source>
        <translation>Amicale conserve les diplômés de votre association sur cet ordinateur, même hors ligne. Commencez par votre propre association, ou découvrez d’abord une association fictive.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>Create my association</source>
        <translation>Créer mon association</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>e.g. Amicale Chimie Mulhouse</source>
        <translation>ex.&#xa0;: Amicale Chimie Mulhouse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Claire, for the Amicale&apos;s board</source>
        <translation>ex.&#xa0;: Claire, pour le bureau de l’Amicale</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>Explore a sample association</source>
        <translation>Découvrir une association d’exemple</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 fictional graduates with tags and communities. Nothing is sent anywhere.</source>
        <translation>%1 diplômés fictifs, avec leurs étiquettes et leurs communautés. Rien n’est envoyé nulle part.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Please give your association a name.</source>
        <translation>Veuillez donner un nom à votre association.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sample association</source>
        <translation>Association d’exemple</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/panels/history.py" line="+35"/>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletions and erasures</source>
        <translation>Suppressions et effacements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merges</source>
        <translation>Fusions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every export, import, deletion and merge is recorded here, on this computer.</source>
        <translation>Chaque export, import, suppression et fusion est consigné ici, sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../ui/models/history_table.py" line="+22"/>
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
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Member created</source>
        <translation>Membre créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member changed</source>
        <translation>Membre modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members deleted</source>
        <translation>Membres supprimés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletion undone</source>
        <translation>Suppression annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member erased (GDPR)</source>
        <translation>Membre effacé (RGPD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data exported (GDPR)</source>
        <translation>Données personnelles exportées (RGPD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicates merged</source>
        <translation>Doublons fusionnés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample association created</source>
        <translation>Association d’exemple créée</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="+62"/>
        <location line="+86"/>
        <location line="+205"/>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>CSV, Excel, vCard, LinkedIn or Mailchimp file</source>
        <translation>Fichier CSV, Excel, vCard, LinkedIn ou Mailchimp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tags for every imported member, e.g. Source/Gala 2026</source>
        <translation>Étiquettes pour chaque membre importé, par ex. Source/Gala 2026</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Check (nothing is written)</source>
        <translation>Vérifier (rien n’est écrit)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the rejected rows…</source>
        <translation>Enregistrer les lignes rejetées…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Recognise the format</source>
        <translation>Reconnaître le format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (any separator)</source>
        <translation>CSV (tout séparateur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vCard (phone, Outlook)</source>
        <translation>vCard (téléphone, Outlook)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LinkedIn connections</source>
        <translation>Relations LinkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailchimp audience</source>
        <translation>Audience Mailchimp</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Member lists (*.csv *.tsv *.txt *.xlsx *.vcf *.vcard *.zip);;All files (*)</source>
        <translation>Listes de membres (*.csv *.tsv *.txt *.xlsx *.vcf *.vcard *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Format: %1.</source>
        <translation>Format&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file was already imported on %1.</source>
        <translation>Ce fichier a déjà été importé le %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(ignore)</source>
        <translation>(ignorer)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+79"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose at least one column to import.</source>
        <translation>Choisissez au moins une colonne à importer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Check: %1 to create, %2 to complete, %3 unchanged, %4 rejected, %5 probable duplicates. Nothing was written.</source>
        <translation>Vérification&#xa0;: %1 à créer, %2 à compléter, %3 inchangés, %4 rejetés, %5 doublons probables. Rien n’a été écrit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported: %1 created, %2 completed, %3 unchanged, %4 rejected, %5 probable duplicates to review.</source>
        <translation>Import terminé&#xa0;: %1 créés, %2 complétés, %3 inchangés, %4 rejetés, %5 doublons probables à examiner.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n value(s) differ from the directory and were kept as they were.</source>
        <translation>
            <numerusform>%n valeur diffère de l’annuaire et a été conservée telle quelle.</numerusform>
            <numerusform>%n valeurs diffèrent de l’annuaire et ont été conservées telles quelles.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Line %1: %2 kept “%3”, the file says “%4”</source>
        <translation>Ligne %1&#xa0;: %2 garde «&#xa0;%3&#xa0;», le fichier indique «&#xa0;%4&#xa0;»</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stopped: nothing was written.</source>
        <translation>Arrêté&#xa0;: rien n’a été écrit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The import failed and nothing was written: %1</source>
        <translation>L’import a échoué et rien n’a été écrit&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save the rejected rows</source>
        <translation>Enregistrer les lignes rejetées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+59"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+158"/>
        <source>Birthdays</source>
        <translation>Anniversaires</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Your data file was upgraded; the previous version is kept in %1</source>
        <translation>Votre fichier de données a été mis à jour&#xa0;; la version précédente est conservée dans %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New member</source>
        <translation>&amp;Nouveau membre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import members…</source>
        <translation>&amp;Importer des membres…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport members…</source>
        <translation>E&amp;xporter des membres…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Back up the data file…</source>
        <translation>&amp;Sauvegarder le fichier de données…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo deletion</source>
        <translation>&amp;Annuler la suppression</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find members</source>
        <translation>&amp;Rechercher des membres</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Amicale</source>
        <translation>À &amp;propos d’Amicale</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%Ln member(s) exported to %1</source>
        <translation>
            <numerusform>%Ln membre exporté vers %1</numerusform>
            <numerusform>%Ln membres exportés vers %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Birthdays (%1)</source>
        <translation>Anniversaires (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n birthday(s) today</source>
        <translation>
            <numerusform>%n anniversaire aujourd’hui</numerusform>
            <numerusform>%n anniversaires aujourd’hui</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n member(s) deleted. Ctrl+Z to undo.</source>
        <translation>
            <numerusform>%n membre supprimé. Ctrl+Z pour annuler.</numerusform>
            <numerusform>%n membres supprimés. Ctrl+Z pour annuler.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Back up the data file</source>
        <translation>Sauvegarder le fichier de données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amicale data (*.sqlite3 *.amicale)</source>
        <translation>Données Amicale (*.sqlite3 *.amicale)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Backup written to %1 (%Ln members).</source>
        <translation>
            <numerusform>Sauvegarde écrite dans %1 (%Ln membre).</numerusform>
            <numerusform>Sauvegarde écrite dans %1 (%Ln membres).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language will be used the next time Amicale starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage d’Amicale.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About Amicale</source>
        <translation>À propos d’Amicale</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amicale %1

The offline toolbox of alumni associations&apos; community managers.

Data file: %2

Built with Qt and PySide6 (LGPLv3), SQLAlchemy (MIT), Alembic (MIT), platformdirs (MIT), SQLite (public domain).</source>
        <translation>Amicale %1

La boîte à outils hors ligne des community managers d’associations d’anciens élèves.

Fichier de données&#xa0;: %2

Conçu avec Qt et PySide6 (LGPLv3), SQLAlchemy (MIT), Alembic (MIT), platformdirs (MIT), SQLite (domaine public).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The member card has unsaved changes. Save them before quitting?</source>
        <translation>La fiche du membre contient des modifications non enregistrées. Voulez-vous les enregistrer avant de quitter&#xa0;?</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <location filename="../../ui/panels/member_card.py" line="+79"/>
        <source>Select a member to see their file, or press Ctrl+N.</source>
        <translation>Sélectionnez un membre pour afficher sa fiche, ou appuyez sur Ctrl+N.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete the selected members…</source>
        <translation>Supprimer les membres sélectionnés…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 2005</source>
        <translation>ex.&#xa0;: 2005</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Agrees</source>
        <translation>Accepte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category/Tag, Tag, …</source>
        <translation>Catégorie/Étiquette, Étiquette, …</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revert</source>
        <translation>Annuler les modifications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n members selected</source>
        <translation>
            <numerusform>%n membre sélectionné</numerusform>
            <numerusform>%n membres sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags and exports apply to the whole selection.</source>
        <translation>Les étiquettes et les exports s’appliquent à toute la sélection.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Added %1, updated %2.</source>
        <translation>Ajouté le %1, modifié le %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New member</source>
        <translation>Nouveau membre</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Please correct the fields in red.</source>
        <translation>Veuillez corriger les champs en rouge.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <location filename="../../ui/panels/members.py" line="+89"/>
        <source>Search: dup, tag:lyon promo:2005..2010 -dues:paid, &quot;saint étienne&quot;…</source>
        <translation>Rechercher&#xa0;: dup, étiquette:lyon promo:2005..2010 -cotisation:payée, &quot;saint étienne&quot;…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message numerus="yes">
        <location line="+81"/>
        <source>%1 of %Ln members</source>
        <translation>
            <numerusform>%1 sur %Ln membre</numerusform>
            <numerusform>%1 sur %Ln membres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln members</source>
        <translation>
            <numerusform>%Ln membre</numerusform>
            <numerusform>%Ln membres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The search failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Delete members</source>
        <translation>Supprimer des membres</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n member(s)? You can undo the last deletion (Ctrl+Z).</source>
        <translation>
            <numerusform>Supprimer %n membre&#xa0;? Vous pourrez annuler la dernière suppression (Ctrl+Z).</numerusform>
            <numerusform>Supprimer %n membres&#xa0;? Vous pourrez annuler la dernière suppression (Ctrl+Z).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Amicale</source>
        <translation>Amicale</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/members/query.py" line="+258"/>
        <source>&apos;{0}:&apos; needs letters or digits</source>
        <translation>«&#xa0;{0}:&#xa0;» demande des lettres ou des chiffres</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown field &apos;{0}:&apos; (known: {1})</source>
        <translation>champ inconnu «&#xa0;{0}:&#xa0;» (champs connus&#xa0;: {1})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;{0}&apos; is not a valid value for &apos;{1}:&apos;</source>
        <translation>«&#xa0;{0}&#xa0;» n’est pas une valeur possible pour «&#xa0;{1}:&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../app/members/search.py" line="+80"/>
        <source>unclosed quote</source>
        <translation>guillemet non fermé</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&apos;-&apos; must be followed by what to exclude</source>
        <translation>«&#xa0;-&#xa0;» doit être suivi de ce qu’il faut exclure</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+5"/>
        <source>&apos;{0}:&apos; needs a value</source>
        <translation>«&#xa0;{0}:&#xa0;» demande une valeur</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+88"/>
        <source>&apos;)&apos; without a matching &apos;(&apos;</source>
        <translation>«&#xa0;)&#xa0;» sans «&#xa0;(&#xa0;» correspondante</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>unexpected &apos;{0}&apos;</source>
        <translation>«&#xa0;{0}&#xa0;» inattendu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>OR needs something on its left</source>
        <translation>OR demande un terme à sa gauche</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>OR needs something on its right</source>
        <translation>OR demande un terme à sa droite</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>AND needs something on its right</source>
        <translation>AND demande un terme à sa droite</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the query ends too early</source>
        <translation>la recherche s’arrête trop tôt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;{0}&apos; needs something after it</source>
        <translation>«&#xa0;{0}&#xa0;» doit être suivi d’un terme</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+11"/>
        <source>&apos;(&apos; without a matching &apos;)&apos;</source>
        <translation>«&#xa0;(&#xa0;» sans «&#xa0;)&#xa0;» correspondante</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>empty parentheses</source>
        <translation>parenthèses vides</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&apos;{0}&apos; cannot stand here</source>
        <translation>«&#xa0;{0}&#xa0;» ne peut pas se trouver ici</translation>
    </message>
    <message>
        <location filename="../../app/members/validation.py" line="+72"/>
        <location line="+11"/>
        <source>use the form YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>utilisez la forme JJ/MM/AAAA ou AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a birthday cannot be in the future</source>
        <translation>une date de naissance ne peut pas être dans le futur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the year must be 1900 or later</source>
        <translation>l’année doit être 1900 ou après</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a year such as 2005</source>
        <translation>doit être une année, par exemple 2005</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be between {0} and {1}</source>
        <translation>doit être entre {0} et {1}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown field</source>
        <translation>champ inconnu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>too long (over {0} characters)</source>
        <translation>trop long (plus de {0} caractères)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>not a valid email address</source>
        <translation>adresse e-mail invalide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a valid phone number</source>
        <translation>numéro de téléphone invalide</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a LinkedIn address</source>
        <translation>ce n’est pas une adresse LinkedIn</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+7"/>
        <source>must be one of {0}</source>
        <translation>doit être l’une des valeurs&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a member needs a name or an email</source>
        <translation>un membre doit avoir un nom ou une adresse e-mail</translation>
    </message>
    <message>
        <location filename="../../app/io/export.py" line="+182"/>
        <source>unknown export format &apos;{0}&apos; (known: {1})</source>
        <translation>format d’export inconnu «&#xa0;{0}&#xa0;» (formats connus&#xa0;: {1})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot tell the export format from the name &apos;{0}&apos;: use .csv, .xlsx or .vcf, or give the format</source>
        <translation>impossible de déduire le format d’export du nom «&#xa0;{0}&#xa0;»&#xa0;: utilisez .csv, .xlsx ou .vcf, ou indiquez le format</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{0} is a folder, not a file</source>
        <translation>{0} est un dossier, pas un fichier</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>no column to export</source>
        <translation>aucune colonne à exporter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown column &apos;{0}&apos; (known: {1})</source>
        <translation>colonne inconnue «&#xa0;{0}&#xa0;» (colonnes connues&#xa0;: {1})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot write {0}: {1}</source>
        <translation>impossible d’écrire {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location filename="../../app/birthdays.py" line="+216"/>
        <source>the “}}” at character {0} closes nothing (for a lone brace, write “}}}}”)</source>
        <translation>l’accolade «&#xa0;}}&#xa0;» au caractère {0} ne ferme rien (pour une accolade seule, écrivez «&#xa0;}}}}&#xa0;»)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the “{{” at character {0} is never closed (for a lone brace, write “{{{{”)</source>
        <translation>l’accolade «&#xa0;{{&#xa0;» au caractère {0} n’est jamais fermée (pour une accolade seule, écrivez «&#xa0;{{{{&#xa0;»)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a known field: {0}. Fields you can use: {1}</source>
        <translation>champ inconnu&#xa0;: {0}. Champs possibles&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+335"/>
        <source>unknown channel “{0}”; use one of: {1}</source>
        <translation>canal inconnu «&#xa0;{0}&#xa0;»&#xa0;; canaux possibles&#xa0;: {1}</translation>
    </message>
    <message>
        <location filename="../../app/segments.py" line="+77"/>
        <source>Lost touch</source>
        <translation>Perdus de vue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dues unpaid this year</source>
        <translation>Cotisation non payée cette année</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New this month</source>
        <translation>Nouveaux ce mois-ci</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not verified</source>
        <translation>Non vérifiés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No consent</source>
        <translation>Sans consentement</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>a segment needs a search</source>
        <translation>un segment a besoin d’une recherche</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a segment needs a name</source>
        <translation>un segment a besoin d’un nom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{0}&apos; is the name of a ready-made segment</source>
        <translation>«&#xa0;{0}&#xa0;» est le nom d’un segment prédéfini</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a segment named &apos;{0}&apos; already exists</source>
        <translation>un segment nommé «&#xa0;{0}&#xa0;» existe déjà</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;{0}&apos; is a ready-made segment: it cannot be changed</source>
        <translation>«&#xa0;{0}&#xa0;» est un segment prédéfini&#xa0;: il ne peut pas être modifié</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no segment &apos;{0}&apos;</source>
        <translation>aucun segment «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../app/tags.py" line="+73"/>
        <source>no tag #{0}</source>
        <translation>aucune étiquette n°{0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a tag needs a name</source>
        <translation>une étiquette doit avoir un nom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a tag name cannot contain / or &quot;</source>
        <translation>un nom d’étiquette ne peut pas contenir / ni &quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a tag named &apos;{0}&apos; already exists in &apos;{1}&apos;</source>
        <translation>une étiquette «&#xa0;{0}&#xa0;» existe déjà dans «&#xa0;{1}&#xa0;»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a tag named &apos;{0}&apos; already exists</source>
        <translation>une étiquette «&#xa0;{0}&#xa0;» existe déjà</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>a tag cannot merge into itself</source>
        <translation>une étiquette ne peut pas fusionner avec elle-même</translation>
    </message>
</context>
<context>
    <name>SegmentList</name>
    <message>
        <location filename="../../ui/panels/segments.py" line="+163"/>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the current search as a segment…</source>
        <translation>Enregistrer la recherche actuelle comme segment…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Save the current search as a segment</source>
        <translation>Enregistrer la recherche actuelle comme segment</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>The segments could not be counted: %1</source>
        <translation>Impossible de compter les segments&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+8"/>
        <source>Save the search as a segment</source>
        <translation>Enregistrer la recherche comme segment</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Name of the segment:</source>
        <translation>Nom du segment&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A segment named “%1” already exists. Replace its search?</source>
        <translation>Un segment nommé «&#xa0;%1&#xa0;» existe déjà. Remplacer sa recherche&#xa0;?</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Export the segment “%1”</source>
        <translation>Exporter le segment «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>“%1” is a ready-made segment: it cannot be changed.</source>
        <translation>«&#xa0;%1&#xa0;» est un segment prédéfini&#xa0;: il ne peut pas être modifié.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is the name of a ready-made segment: choose another name.</source>
        <translation>«&#xa0;%1&#xa0;» est le nom d’un segment prédéfini&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show the members</source>
        <translation>Afficher les membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the search…</source>
        <translation>Modifier la recherche…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Rename the segment</source>
        <translation>Renommer le segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete the segment</source>
        <translation>Supprimer le segment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the segment “%1”? Its members stay; only the saved search goes.</source>
        <translation>Supprimer le segment «&#xa0;%1&#xa0;»&#xa0;? Ses membres restent&#xa0;; seule la recherche enregistrée disparaît.</translation>
    </message>
</context>
<context>
    <name>SegmentListModel</name>
    <message>
        <location filename="../../ui/models/segment_list.py" line="+143"/>
        <source>This search cannot be run any more: edit its query.</source>
        <translation>Cette recherche ne peut plus être lancée&#xa0;: modifiez-la.</translation>
    </message>
</context>
<context>
    <name>SegmentQueryDialog</name>
    <message>
        <location filename="../../ui/panels/segments.py" line="-460"/>
        <source>Edit the segment’s search</source>
        <translation>Modifier la recherche du segment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search of the segment “%1”:</source>
        <translation>Recherche du segment «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>StoreProblem</name>
    <message>
        <location filename="../../ui/dialogs/store_problem.py" line="+18"/>
        <source>Cannot open the data file</source>
        <translation>Impossible d&apos;ouvrir le fichier de données</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open another file…</source>
        <translation>Ouvrir un autre fichier…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore a backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a data file</source>
        <translation>Ouvrir un fichier de données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amicale data (*.sqlite3 *.amicale);;All files (*)</source>
        <translation>Données Amicale (*.sqlite3 *.amicale);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amicale backups (*.sqlite3 *.amicale);;All files (*)</source>
        <translation>Sauvegardes Amicale (*.sqlite3 *.amicale);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message>
        <location filename="../../ui/panels/tags.py" line="+34"/>
        <source>No category</source>
        <translation>Sans catégorie</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>New tag…</source>
        <translation>Nouvelle étiquette…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to category…</source>
        <translation>Déplacer vers une catégorie…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge into…</source>
        <translation>Fusionner avec…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag the current search…</source>
        <translation>Étiqueter la recherche en cours…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untag the current search…</source>
        <translation>Retirer l’étiquette de la recherche en cours…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag a pasted list of emails…</source>
        <translation>Étiqueter une liste d’e-mails collée…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tag actions</source>
        <translation>Actions sur les étiquettes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>The counts could not be computed: %1</source>
        <translation>Les effectifs n’ont pas pu être calculés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <source>New tag</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Name of the new tag:</source>
        <translation>Nom de la nouvelle étiquette&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category:</source>
        <translation>Catégorie&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tag “%1” created.</source>
        <translation>Étiquette «&#xa0;%1&#xa0;» créée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rename tag</source>
        <translation>Renommer l’étiquette</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tag renamed.</source>
        <translation>Étiquette renommée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Colour of “%1”</source>
        <translation>Couleur de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Move tag</source>
        <translation>Déplacer l’étiquette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move “%1” to the category:</source>
        <translation>Déplacer «&#xa0;%1&#xa0;» vers la catégorie&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tag moved.</source>
        <translation>Étiquette déplacée.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merge tags</source>
        <translation>Fusionner des étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge “%1” into:</source>
        <translation>Fusionner «&#xa0;%1&#xa0;» avec&#xa0;:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” merged into “%2”.</source>
        <translation>«&#xa0;%1&#xa0;» fusionnée avec «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Delete tag</source>
        <translation>Supprimer l’étiquette</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Delete the tag “%1”? It will be removed from %n member(s); the members stay.</source>
        <translation>
            <numerusform>Supprimer l’étiquette «&#xa0;%1&#xa0;»&#xa0;? Elle sera retirée de %n membre&#xa0;; le membre reste dans le fichier.</numerusform>
            <numerusform>Supprimer l’étiquette «&#xa0;%1&#xa0;»&#xa0;? Elle sera retirée de %n membres&#xa0;; les membres restent dans le fichier.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tag “%1” deleted.</source>
        <translation>Étiquette «&#xa0;%1&#xa0;» supprimée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tag “%1” restored.</source>
        <translation>Étiquette «&#xa0;%1&#xa0;» rétablie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove the tag “%1” from every member of the current search?</source>
        <translation>Retirer l’étiquette «&#xa0;%1&#xa0;» de tous les membres de la recherche en cours&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the tag “%1” from every member?</source>
        <translation>Retirer l’étiquette «&#xa0;%1&#xa0;» de tous les membres&#xa0;?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag every member of the current search with “%1”?</source>
        <translation>Ajouter l’étiquette «&#xa0;%1&#xa0;» à tous les membres de la recherche en cours&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag every member with “%1”? There is no search.</source>
        <translation>Ajouter l’étiquette «&#xa0;%1&#xa0;» à tous les membres&#xa0;? Aucune recherche n’est en cours.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag the current search</source>
        <translation>Étiqueter la recherche en cours</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Untag the current search</source>
        <translation>Retirer l’étiquette de la recherche en cours</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Untagging…</source>
        <translation>Retrait de l’étiquette…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tagging…</source>
        <translation>Étiquetage…</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n member(s) untagged from “%1”.</source>
        <translation>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» retirée de %n membre.</numerusform>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» retirée de %n membres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n member(s) newly tagged with “%1”.</source>
        <translation>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» ajoutée à %n membre.</numerusform>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» ajoutée à %n membres.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The current search is not valid; nothing was tagged.</source>
        <translation>La recherche en cours n’est pas valide&#xa0;; rien n’a été étiqueté.</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n member(s) tagged.</source>
        <translation>
            <numerusform>%n membre étiqueté.</numerusform>
            <numerusform>%n membres étiquetés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Emails not found</source>
        <translation>E-mails introuvables</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n email(s) match no member:</source>
        <translation>
            <numerusform>%n e-mail ne correspond à aucun membre&#xa0;:</numerusform>
            <numerusform>%n e-mails ne correspondent à aucun membre&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../ui/panels/today.py" line="-86"/>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>The language of the messages and of the template you edit below</source>
        <translation>La langue des messages et du modèle modifié ci-dessous</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Messages in:</source>
        <translation>Messages en&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nobody left to wish today.</source>
        <translation>Plus personne à fêter aujourd’hui.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Birthday message</source>
        <translation>Message d’anniversaire</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select someone in a list.</source>
        <translation>Choisissez une personne dans une liste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You can change this message before copying it; the template stays as it is</source>
        <translation>Vous pouvez modifier ce message avant de le copier&#xa0;; le modèle reste tel quel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the message on the clipboard, to paste it</source>
        <translation>Mettre le message dans le presse-papiers, pour le coller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open profile</source>
        <translation>Ouvrir le profil</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How you wished them</source>
        <translation>Par quel moyen vous avez souhaité l’anniversaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the wish: they will not be listed again before next year</source>
        <translation>Noter les vœux envoyés&#xa0;: la personne ne sera plus proposée avant l’an prochain</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not done yet</source>
        <translation>Pas encore fait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget this wish: they are listed as pending again</source>
        <translation>Oublier ces vœux&#xa0;: la personne est de nouveau à fêter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wished via</source>
        <translation>Vœux envoyés via</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Message template</source>
        <translation>Modèle de message</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save template</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default text</source>
        <translation>Texte par défaut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the default text in the editor (saved only with Save template)</source>
        <translation>Remettre le texte par défaut dans l’éditeur (enregistré seulement avec «&#xa0;Enregistrer le modèle&#xa0;»)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Birthdays of %1</source>
        <translation>Anniversaires du %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The birthdays could not be read: %1</source>
        <translation>Impossible de lire les anniversaires&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today (%1)</source>
        <translation>Aujourd’hui (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next %1 days (%2)</source>
        <translation>Les %1 prochains jours (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done (%1)</source>
        <translation>Déjà fêtés (%1)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>No LinkedIn profile on file for this member</source>
        <translation>Aucun profil LinkedIn enregistré pour ce membre</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Message copied: paste it into LinkedIn, Facebook or an email.</source>
        <translation>Message copié&#xa0;: collez-le dans LinkedIn, Facebook ou un e-mail.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: wish recorded (%2).</source>
        <translation>%1&#xa0;: vœux notés (%2).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is pending again.</source>
        <translation>%1 est de nouveau à fêter.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Fields: %1. Text in brackets around a field is left out when its value is unknown, e.g. %2.</source>
        <translation>Champs&#xa0;: %1. Le texte entre crochets autour d’un champ est omis quand sa valeur est inconnue, par exemple %2.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Preview for %1:</source>
        <translation>Aperçu pour %1&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When the age or class year is unknown: %1</source>
        <translation>Si l’âge ou la promo est inconnu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Template saved; the messages use it now.</source>
        <translation>Modèle enregistré&#xa0;; les messages l’utilisent désormais.</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../ui/labels.py" line="+4"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Former member</source>
        <translation>Ancien membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost touch</source>
        <translation>Perdu de vue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not verified</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified graduate</source>
        <translation>Diplômé vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>member</source>
        <translation>membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderator</source>
        <translation>modérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>community manager</source>
        <translation>animateur</translation>
    </message>
</context>
</TS>
