<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>Activity</name>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="28"/>
        <source>Bravo, c&apos;est ça ! 🎉</source>
        <translation>Well done, that&apos;s it! 🎉</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="30"/>
        <source>Pas tout à fait, mais vous apprenez quelque chose :</source>
        <translation>Not quite, but you are learning something:</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="103"/>
        <source>La bonne réponse : %1</source>
        <translation>The right answer: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="143"/>
        <source>👆 Touchez le bon lieu sur la carte.</source>
        <translation>👆 Touch the right place on the map.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="169"/>
        <source>💡 Indice %1 : %2</source>
        <translation>💡 Hint %1: %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="145"/>
        <source>Un indice</source>
        <translation>A hint</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="153"/>
        <source>Pas tout à fait : ce n&apos;est pas « %1 ».</source>
        <translation>Not quite: it isn&apos;t “%1”.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="157"/>
        <source>Pas tout à fait : ce n&apos;est pas ce lieu-là.</source>
        <translation>Not quite: it isn&apos;t that place.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="160"/>
        <source>Lisez l&apos;indice et essayez encore !</source>
        <translation>Read the hint and try again!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="177"/>
        <source>🟡 Le lieu est dans le cercle jaune sur la carte.</source>
        <translation>🟡 The place is inside the yellow circle on the map.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="192"/>
        <source>%1 · %2 km d&apos;ici</source>
        <translation>%1 · %2 km from here</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="212"/>
        <source>Bravo, vous l&apos;avez trouvé du premier coup ! 🎉</source>
        <translation>Well done, you found it at the first try! 🎉</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="213"/>
        <source>Trouvé ! Bien joué, vous avez persévéré. 🎉</source>
        <translation>Found it! Well played, you kept trying. 🎉</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="290"/>
        <source>Touchez les étiquettes dans le bon ordre, ou faites-les glisser. Touchez-en une pour la retirer.</source>
        <translation>Tap the labels in the right order, or drag them. Tap one to take it back.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="304"/>
        <source>Votre ordre</source>
        <translation>Your order</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="310"/>
        <source>À placer</source>
        <translation>To place</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="332"/>
        <source>Vérifier mon ordre</source>
        <translation>Check my order</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="345"/>
        <source>Le bon ordre :</source>
        <translation>The right order:</translation>
    </message>
</context>
<context>
    <name>ActivityMap</name>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="81"/>
        <source>La carte arrive…</source>
        <translation>The map is on its way…</translation>
    </message>
</context>
<context>
    <name>ActivityView</name>
    <message>
        <location filename="../../kiosk/views/activity.py" line="123"/>
        <source>Lire à voix haute</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="124"/>
        <source>Étape précédente</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="125"/>
        <source>Choisir une autre activité</source>
        <translation>Choose another activity</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="156"/>
        <source>Choisissez une activité pour commencer.</source>
        <translation>Choose an activity to start.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="166"/>
        <source>Étape %1 sur %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="178"/>
        <source>Voir notre score  🏁</source>
        <translation>See our score  🏁</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="178"/>
        <source>Suivant  ➡</source>
        <translation>Next  ➡</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="214"/>
        <source>Terminé !</source>
        <translation>Finished!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="218"/>
        <source>Badge Super-explorateurs</source>
        <translation>Super Explorers badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="220"/>
        <source>Badge Explorateurs</source>
        <translation>Explorers badge</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="222"/>
        <source>Badge Jeunes pousses : continuez à explorer !</source>
        <translation>Young Sprouts badge: keep exploring!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="229"/>
        <source>Bravo, %1 !</source>
        <translation>Well done, %1!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="233"/>
        <source>%1 bonnes réponses du premier coup sur %2</source>
        <translation>%1 right answers at the first try out of %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="248"/>
        <source>À refaire à la maison, avec vos parents :</source>
        <translation>To do again at home, with your parents:</translation>
    </message>
</context>
<context>
    <name>AttractView</name>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="199"/>
        <source>Bientôt au Champ Libre</source>
        <translation>Coming up at the Champ Libre</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="200"/>
        <source>Touchez l&apos;écran pour commencer</source>
        <translation>Touch the screen to start</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="36"/>
        <source>Atelier</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="37"/>
        <source>Codesign</source>
        <translation>Co-design</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="38"/>
        <source>Culture numérique</source>
        <translation>Digital culture</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="39"/>
        <source>Table ronde</source>
        <translation>Round table</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="40"/>
        <source>Fablab</source>
        <translation>Fablab</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="41"/>
        <source>Exposition</source>
        <translation>Exhibition</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="42"/>
        <source>Visite</source>
        <translation>Tour</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="43"/>
        <source>Musées</source>
        <translation>Museums</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="44"/>
        <source>Parcs et jardins</source>
        <translation>Parks and gardens</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="45"/>
        <source>Piscines</source>
        <translation>Swimming pools</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="46"/>
        <source>Médiathèques</source>
        <translation>Libraries</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="47"/>
        <source>Cinémas</source>
        <translation>Cinemas</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="48"/>
        <source>Sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="49"/>
        <source>En famille</source>
        <translation>For families</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="50"/>
        <source>Spectacles</source>
        <translation>Shows</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="51"/>
        <source>Patrimoine</source>
        <translation>Heritage</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="52"/>
        <source>Tiers-lieux</source>
        <translation>Community spaces</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="19"/>
        <source>Aujourd&apos;hui</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="21"/>
        <source>Demain</source>
        <translation>Tomorrow</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="33"/>
        <source>Toute la journée</source>
        <translation>All day</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="44"/>
        <source>%1 à %2 ans</source>
        <translation>%1 to %2 years</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="45"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="46"/>
        <source>%1 étapes</source>
        <translation>%1 steps</translation>
    </message>
</context>
<context>
    <name>DiscoveryView</name>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="101"/>
        <source>Activités découverte</source>
        <translation>Discovery activities</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="102"/>
        <source>Choisissez une activité, puis le nom de votre équipe. Jouez ensemble !</source>
        <translation>Choose an activity, then your team&apos;s name. Play together!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="113"/>
        <source>Pas d&apos;activité pour le moment.</source>
        <translation>No activity for now.</translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <location filename="../../kiosk/views/cards.py" line="50"/>
        <source>En ce moment</source>
        <translation>On now</translation>
    </message>
</context>
<context>
    <name>EventView</name>
    <message>
        <location filename="../../kiosk/views/event.py" line="111"/>
        <source>Cet événement n&apos;est plus au programme.</source>
        <translation>This event is no longer on the programme.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="112"/>
        <source>Touchez « Retour » pour voir les autres.</source>
        <translation>Touch “Back” to see the others.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="129"/>
        <source>En ce moment</source>
        <translation>On now</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="133"/>
        <source>Lieu</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="134"/>
        <source>En quelques mots</source>
        <translation>In a few words</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="135"/>
        <source>Accessibilité</source>
        <translation>Accessibility</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="136"/>
        <source>Tarifs et conditions</source>
        <translation>Prices and conditions</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="177"/>
        <source>Inscription</source>
        <translation>Sign-up</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="142"/>
        <source>Accessible en fauteuil roulant</source>
        <translation>Wheelchair accessible</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="55"/>
        <source>Lire à voix haute</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="143"/>
        <source>Adapté aux personnes sourdes ou malentendantes</source>
        <translation>Suitable for deaf or hard-of-hearing people</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="144"/>
        <source>Adapté aux personnes aveugles ou malvoyantes</source>
        <translation>Suitable for blind or partially sighted people</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="145"/>
        <source>Adapté aux personnes en situation de handicap psychique</source>
        <translation>Suitable for people with mental health conditions</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="146"/>
        <source>Adapté aux personnes en situation de handicap mental</source>
        <translation>Suitable for people with intellectual disabilities</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="153"/>
        <source>De %1 à %2 ans</source>
        <translation>Ages %1 to %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="155"/>
        <source>À partir de %1 ans</source>
        <translation>Ages %1 and up</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="160"/>
        <source>Cet événement est annulé : pas d&apos;inscription.</source>
        <translation>This event is cancelled: no sign-up.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="162"/>
        <source>C&apos;est complet : plus d&apos;inscription possible.</source>
        <translation>It is full: sign-up is closed.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="164"/>
        <source>Sur internet</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="165"/>
        <source>Par e-mail</source>
        <translation>By email</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="166"/>
        <source>Par téléphone</source>
        <translation>By phone</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="171"/>
        <source>Renseignez-vous à l’accueil du Champ Libre.</source>
        <translation>Ask at the Champ Libre front desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="201"/>
        <source>S&apos;inscrire ici</source>
        <translation>Sign up here</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="205"/>
        <source>Pas de téléphone ? Inscrivez-vous sur cet écran.</source>
        <translation>No phone? Sign up on this screen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="212"/>
        <source>Scannez pour vous inscrire</source>
        <translation>Scan to sign up</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="215"/>
        <source>Scannez pour écrire un e-mail</source>
        <translation>Scan to write an e-mail</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="218"/>
        <source>Scannez pour appeler</source>
        <translation>Scan to call</translation>
    </message>
</context>
<context>
    <name>FeedbackCard</name>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="85"/>
        <source>Ce kiosque vous a-t-il été utile ?</source>
        <translation>Was this kiosk useful to you?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="86"/>
        <source>Merci pour votre réponse !</source>
        <translation>Thank you for your answer!</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="87"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="87"/>
        <source>Un peu</source>
        <translation>A little</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="87"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>Freshness</name>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="61"/>
        <source>Mis à jour à l&apos;instant</source>
        <translation>Updated just now</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="63"/>
        <source>Mis à jour il y a %n min</source>
        <translation>Updated %n min ago</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../kiosk/views/home.py" line="96"/>
        <source>Bienvenue au Champ Libre</source>
        <translation>Welcome to the Champ Libre</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="103"/>
        <source>Le programme</source>
        <translation>What&apos;s on</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="105"/>
        <source>Sorties près d&apos;ici</source>
        <translation>Outings nearby</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="107"/>
        <source>Activités découverte</source>
        <translation>Discovery activities</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="99"/>
        <source>Le L.I.V.E est un lieu pour imaginer ensemble la ville de demain. Touchez un grand bouton pour commencer.</source>
        <translation>L.I.V.E is a place to imagine the city of tomorrow together. Touch a big button to start.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="103"/>
        <source>Les ateliers et les rencontres</source>
        <translation>Workshops and meetings</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="105"/>
        <source>Musées, parcs, sport… et le chemin pour y aller</source>
        <translation>Museums, parks, sport… and the way there</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="107"/>
        <source>Des jeux en équipe pour les classes</source>
        <translation>Team games for school classes</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="108"/>
        <source>Bientôt au Champ Libre</source>
        <translation>Coming up at the Champ Libre</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="130"/>
        <source>Le programme arrive. Revenez dans un instant.</source>
        <translation>The programme is on its way. Come back in a moment.</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../kiosk/views/idle.py" line="51"/>
        <source>Vous êtes toujours là ?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/idle.py" line="52"/>
        <source>Oui, je continue</source>
        <translation>Yes, I&apos;m still here</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/views/idle.py" line="62"/>
        <source>Retour à l&apos;accueil dans %n seconde(s).</source>
        <translation>
            <numerusform>Back to the start in %n second.</numerusform>
            <numerusform>Back to the start in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenanceView</name>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="257"/>
        <source>Le kiosque fait une pause</source>
        <translation>The kiosk is taking a break</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="258"/>
        <source>Nous le remettons en forme. L&apos;équipe de l&apos;accueil est là pour vous renseigner.</source>
        <translation>We are fixing it. The front desk team is here to help you.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../kiosk/views/map.py" line="328"/>
        <source>Sorties et loisirs près d&apos;ici</source>
        <translation>Outings and leisure nearby</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="329"/>
        <source>Du plus proche au plus loin, depuis la borne. Touchez un lieu pour tout savoir.</source>
        <translation>Nearest first, from this screen. Touch a place to learn more.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="330"/>
        <source>Près d&apos;ici :</source>
        <translation>Nearby:</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="334"/>
        <source>Toutes distances</source>
        <translation>Any distance</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="336"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="339"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="82"/>
        <location filename="../../kiosk/views/map.py" line="340"/>
        <source>Zoomer</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="83"/>
        <location filename="../../kiosk/views/map.py" line="341"/>
        <source>Dézoomer</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="84"/>
        <location filename="../../kiosk/views/map.py" line="342"/>
        <source>Recentrer</source>
        <translation>Recentre</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="106"/>
        <location filename="../../kiosk/views/activity_map.py" line="125"/>
        <location filename="../../kiosk/views/map.py" line="343"/>
        <location filename="../../kiosk/views/map.py" line="367"/>
        <source>Vous êtes ici</source>
        <translation>You are here</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="352"/>
        <source>Tout</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="382"/>
        <source>Aucun lieu à montrer pour le moment.</source>
        <translation>No places to show for now.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="385"/>
        <source>Et %1 autres lieux sur la carte.</source>
        <translation>And %1 more places on the map.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="368"/>
        <source>%1 km
%2 min à pied</source>
        <translation>%1 km
%2 min on foot</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="73"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="74"/>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="75"/>
        <source>Agrandir le texte</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="76"/>
        <source>Contraste</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="77"/>
        <source>Contraste élevé</source>
        <translation>High contrast</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../kiosk/ui/pinpad.py" line="53"/>
        <source>Code de l&apos;équipe</source>
        <translation>Staff code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pinpad.py" line="54"/>
        <source>Effacer</source>
        <translation>Erase</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pinpad.py" line="55"/>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pinpad.py" line="71"/>
        <source>Trop d&apos;essais. Réessayez dans %1 s.</source>
        <translation>Too many tries. Try again in %1 s.</translation>
    </message>
</context>
<context>
    <name>PlaceDetail</name>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="103"/>
        <source>Lire à voix haute</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="155"/>
        <source>Toute la liste</source>
        <translation>The whole list</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="156"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="157"/>
        <source>Accessibilité</source>
        <translation>Accessibility</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="158"/>
        <source>Depuis la borne</source>
        <translation>From this screen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="161"/>
        <source>Distance à vol d&apos;oiseau. Le temps à pied compte 30 % de chemin en plus pour suivre les rues, à 4,5 km/h.</source>
        <translation>Distance as the crow flies. The walking time adds 30 % for the streets, at 4.5 km/h.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="165"/>
        <source>Arrêts de bus, tram et métro les plus proches</source>
        <translation>Nearest bus, tram and metro stops</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="166"/>
        <source>Itinéraire sur votre téléphone</source>
        <translation>Directions on your phone</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="184"/>
        <source>Visez ce code avec l&apos;appareil photo de votre téléphone : le trajet à pied s&apos;ouvre.</source>
        <translation>Point your phone&apos;s camera at this code: the walking route opens.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="201"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="203"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="204"/>
        <source>%1 à vol d&apos;oiseau, environ %2 min à pied</source>
        <translation>%1 as the crow flies, about a %2 min walk</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="211"/>
        <source>lignes %1</source>
        <translation>lines %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="217"/>
        <source>Accessible en fauteuil roulant</source>
        <translation>Wheelchair accessible</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="218"/>
        <source>Adapté aux personnes sourdes ou malentendantes</source>
        <translation>Suitable for deaf or hard-of-hearing people</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="219"/>
        <source>Adapté aux personnes aveugles ou malvoyantes</source>
        <translation>Suitable for blind or partially sighted people</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="220"/>
        <source>Adapté aux personnes en situation de handicap psychique</source>
        <translation>Suitable for people with mental health conditions</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="221"/>
        <source>Adapté aux personnes en situation de handicap mental</source>
        <translation>Suitable for people with intellectual disabilities</translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <location filename="../../kiosk/views/programme.py" line="44"/>
        <source>Le programme du lab</source>
        <translation>What&apos;s on at the lab</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/programme.py" line="60"/>
        <source>Tout</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/programme.py" line="69"/>
        <source>Rien dans ces catégories pour le moment. Touchez « Tout » pour tout voir.</source>
        <translation>Nothing in these categories for now. Touch “All” to see everything.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/programme.py" line="71"/>
        <source>Aucun événement à venir pour le moment. Revenez bientôt !</source>
        <translation>No upcoming events for now. Come back soon!</translation>
    </message>
</context>
<context>
    <name>SignageView</name>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="219"/>
        <source>Au programme du L.I.V.E</source>
        <translation>What&apos;s on at L.I.V.E</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="220"/>
        <source>Le programme complet est à l&apos;accueil du Champ Libre.</source>
        <translation>The full programme is at the Champ Libre front desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="231"/>
        <source>Pour vous inscrire : visez ce code avec l&apos;appareil photo de votre téléphone.</source>
        <translation>To sign up: point your phone&apos;s camera at this code.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="234"/>
        <source>Appelez un animateur : il vous aidera avec plaisir.</source>
        <translation>Ask a member of staff: they will be glad to help.</translation>
    </message>
</context>
<context>
    <name>SignupView</name>
    <message>
        <location filename="../../kiosk/views/signup.py" line="280"/>
        <source>Enregistrement…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="293"/>
        <source>Votre inscription à « %1 » est bien enregistrée, pour %2 personne(s).</source>
        <translation>Your sign-up for “%1” is saved, for %2 person(s).</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="297"/>
        <source>L&apos;équipe du L.I.V.E vous contactera si besoin.</source>
        <translation>The L.I.V.E team will contact you if needed.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="309"/>
        <source>Votre inscription n&apos;a pas pu être enregistrée. Réessayez, ou demandez à l&apos;accueil.</source>
        <translation>Your sign-up could not be saved. Try again, or ask at the front desk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="322"/>
        <source>Écrivez votre prénom.</source>
        <translation>Write your first name.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="323"/>
        <source>Ce prénom ne semble pas juste : des lettres, 60 au plus.</source>
        <translation>This first name does not look right: letters, 60 at most.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="325"/>
        <source>Donnez un e-mail ou un numéro de téléphone, pour qu&apos;on puisse vous répondre.</source>
        <translation>Give an e-mail or a phone number, so that we can answer you.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="327"/>
        <source>Il manque le signe @ dans l&apos;adresse e-mail.</source>
        <translation>The @ sign is missing from the e-mail address.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="328"/>
        <source>Cette adresse e-mail ne semble pas complète. Exemple : prenom@exemple.fr</source>
        <translation>This e-mail address does not look complete. Example: name@example.com</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="330"/>
        <source>Ce numéro ne semble pas juste. Exemples : 06 12 34 56 78 ou +32 470 12 34 56</source>
        <translation>This number does not look right. Examples: 06 12 34 56 78 or +32 470 12 34 56</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="332"/>
        <source>De 1 à 10 personnes.</source>
        <translation>From 1 to 10 people.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="333"/>
        <source>Cochez la case pour accepter, sinon nous ne pouvons pas vous inscrire.</source>
        <translation>Tick the box to accept, otherwise we cannot sign you up.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="342"/>
        <source>S&apos;inscrire ici</source>
        <translation>Sign up here</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="352"/>
        <source>Cet événement n&apos;est plus au programme.</source>
        <translation>This event is no longer on the programme.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="354"/>
        <source>Plus d&apos;inscription possible pour cet événement.</source>
        <translation>Sign-up is no longer possible for this event.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="355"/>
        <source>Votre prénom</source>
        <translation>Your first name</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="356"/>
        <source>Par exemple : Camille</source>
        <translation>For example: Camille</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="357"/>
        <source>Pour vous répondre, donnez un e-mail ou un numéro de téléphone.</source>
        <translation>So that we can answer you, give an e-mail or a phone number.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="358"/>
        <source>Votre e-mail</source>
        <translation>Your e-mail</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="360"/>
        <source>ou votre téléphone</source>
        <translation>or your phone</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="362"/>
        <source>Nombre de personnes</source>
        <translation>Number of people</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="363"/>
        <source>Une personne de moins</source>
        <translation>One person fewer</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="364"/>
        <source>Une personne de plus</source>
        <translation>One person more</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="365"/>
        <source>J&apos;accepte</source>
        <translation>I agree</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="366"/>
        <source>l&apos;accueil du Champ Libre</source>
        <translation>the Champ Libre front desk</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="369"/>
        <source>Le L.I.V.E garde votre prénom et votre e-mail ou téléphone seulement pour cette inscription, et pour vous prévenir en cas de changement. Ils sont effacés au plus tard après %1 jours. Une question : %2.</source>
        <translation>L.I.V.E keeps your first name and your e-mail or phone only for this sign-up, and to let you know if something changes. They are deleted after %1 days at the latest. A question: %2.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="377"/>
        <source>Envoyer mon inscription</source>
        <translation>Send my sign-up</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="378"/>
        <source>C&apos;est noté !</source>
        <translation>Got it!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="379"/>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <location filename="../../kiosk/app.py" line="323"/>
        <source>Export impossible : voir le journal du kiosque.</source>
        <translation>Export failed: see the kiosk&apos;s log.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="326"/>
        <source>%1 inscription(s) exportée(s) : %2</source>
        <translation>%1 sign-up(s) exported: %2</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <location filename="../../kiosk/views/staff.py" line="83"/>
        <source>Code incorrect.</source>
        <translation>Wrong code.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="100"/>
        <source>Espace équipe</source>
        <translation>Staff area</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="177"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="178"/>
        <source>Mode actuel : %1</source>
        <translation>Current mode: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="180"/>
        <source>choisi par l&apos;équipe jusqu&apos;à %1</source>
        <translation>chosen by staff until %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="198"/>
        <source>Pas de planning : le mode reste celui choisi.</source>
        <translation>No schedule: the mode stays as chosen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="110"/>
        <source>Sources de contenu</source>
        <translation>Content sources</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="114"/>
        <source>Le kiosque</source>
        <translation>The kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="116"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="117"/>
        <source>En marche depuis %1</source>
        <translation>Running for %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="118"/>
        <source>Mémoire : %1 Mo</source>
        <translation>Memory: %1 MB</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="121"/>
        <source>Inscriptions en attente d&apos;envoi : %1</source>
        <translation>Sign-ups waiting to be sent: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="126"/>
        <source>Actualiser le contenu</source>
        <translation>Refresh the content</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="127"/>
        <source>Exporter les inscriptions</source>
        <translation>Export sign-ups</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="128"/>
        <source>Redémarrer le kiosque</source>
        <translation>Restart the kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="129"/>
        <source>Quitter vers le bureau</source>
        <translation>Quit to the desktop</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="131"/>
        <source>Exporter les statistiques (CSV)</source>
        <translation>Export the statistics (CSV)</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="138"/>
        <source>Fermer l&apos;espace équipe</source>
        <translation>Close the staff area</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="155"/>
        <source>Utilisation (7 derniers jours)</source>
        <translation>Use (last 7 days)</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="156"/>
        <source>Visites par jour</source>
        <translation>Visits per day</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="161"/>
        <source>« Utile ? » : 😀 %1 · 😐 %2 · 🙁 %3</source>
        <translation>“Useful?”: 😀 %1 · 😐 %2 · 🙁 %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="168"/>
        <source>Écrans les plus vus : %1</source>
        <translation>Most viewed screens: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="172"/>
        <source>Langues choisies : %1</source>
        <translation>Languages chosen: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="202"/>
        <source>Activités découverte</source>
        <translation>Discovery activities</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="204"/>
        <source>Au choix des enfants</source>
        <translation>Children&apos;s choice</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="211"/>
        <source>Réinitialiser l&apos;équipe</source>
        <translation>Reset the team</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="220"/>
        <source>%1 : %2 commencée(s), %3 terminée(s) en 7 jours</source>
        <translation>%1: %2 started, %3 finished in 7 days</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="226"/>
        <source>%1 % de bonnes réponses du premier coup</source>
        <translation>%1 % right at the first try</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="236"/>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="237"/>
        <source>Découverte</source>
        <translation>Discovery</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="238"/>
        <source>Affichage</source>
        <translation>Signage</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="239"/>
        <source>Hors service</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="244"/>
        <source>à jour</source>
        <translation>up to date</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="245"/>
        <source>en panne, dernier contenu gardé</source>
        <translation>down, last content kept</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="246"/>
        <source>en panne</source>
        <translation>down</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="249"/>
        <source>dernier succès</source>
        <translation>last success</translation>
    </message>
    <message>
        <location filename="../../kiosk/operations.py" line="267"/>
        <source>Export impossible : voir le journal du kiosque.</source>
        <translation>Export failed: see the kiosk&apos;s log.</translation>
    </message>
    <message>
        <location filename="../../kiosk/operations.py" line="269"/>
        <source>Statistiques exportées (%1 lignes) : %2</source>
        <translation>Statistics exported (%1 rows): %2</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="50"/>
        <source>Annulé</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="51"/>
        <source>Complet</source>
        <translation>Full</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="52"/>
        <source>Reporté</source>
        <translation>Postponed</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="53"/>
        <source>Date modifiée</source>
        <translation>New date</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="54"/>
        <source>En ligne</source>
        <translation>Online</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="32"/>
        <source>Les Hiboux</source>
        <translation>The Owls</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="33"/>
        <source>Les Castors</source>
        <translation>The Beavers</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="34"/>
        <source>Les Étoiles</source>
        <translation>The Stars</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="35"/>
        <source>Les Renards</source>
        <translation>The Foxes</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="36"/>
        <source>Les Dauphins</source>
        <translation>The Dolphins</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="37"/>
        <source>Les Abeilles</source>
        <translation>The Bees</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="173"/>
        <source>%1 questions</source>
        <translation>%1 questions</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="174"/>
        <source>Choisissez le nom de votre équipe :</source>
        <translation>Choose your team&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="177"/>
        <source>Rien n&apos;est enregistré sur votre équipe : le nom s&apos;efface à la fin du jeu.</source>
        <translation>Nothing about your team is recorded: the name is erased at the end of the game.</translation>
    </message>
</context>
<context>
    <name>_Carousel</name>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="175"/>
        <source>Bienvenue au Champ Libre !</source>
        <translation>Welcome to the Champ Libre!</translation>
    </message>
</context>
</TS>
