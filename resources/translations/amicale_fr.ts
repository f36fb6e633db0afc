<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+54"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location line="+24"/>
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
        <location line="+4"/>
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
        <location line="+21"/>
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
        <location filename="../../app/members/validation.py" line="+57"/>
        <source>use the form YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>utilisez la forme JJ/MM/AAAA ou AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+5"/>
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
