<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
    <context>
        <name>Category</name>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="36" />
            <source>Atelier</source>
            <translation>Workshop</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="37" />
            <source>Codesign</source>
            <translation>Co-design</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="38" />
            <source>Culture numérique</source>
            <translation>Digital culture</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="39" />
            <source>Table ronde</source>
            <translation>Round table</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="40" />
            <source>Fablab</source>
            <translation>Fablab</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="41" />
            <source>Exposition</source>
            <translation>Exhibition</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="42" />
            <source>Visite</source>
            <translation>Tour</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="43" />
            <source>Musées</source>
            <translation>Museums</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="44" />
            <source>Parcs et jardins</source>
            <translation>Parks and gardens</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="45" />
            <source>Piscines</source>
            <translation>Swimming pools</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="46" />
            <source>Médiathèques</source>
            <translation>Libraries</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="47" />
            <source>Cinémas</source>
            <translation>Cinemas</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="48" />
            <source>Sport</source>
            <translation>Sport</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="49" />
            <source>En famille</source>
            <translation>For families</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="50" />
            <source>Spectacles</source>
            <translation>Shows</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="51" />
            <source>Patrimoine</source>
            <translation>Heritage</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="52" />
            <source>Tiers-lieux</source>
            <translation>Community spaces</translation>
        </message>
    </context>
    <context>
        <name>Dates</name>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="19" />
            <source>Aujourd'hui</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="21" />
            <source>Demain</source>
            <translation>Tomorrow</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="33" />
            <source>Toute la journée</source>
            <translation>All day</translation>
        </message>
    </context>
    <context>
        <name>EventCard</name>
        <message>
            <location filename="../../kiosk/views/cards.py" line="50" />
            <source>En ce moment</source>
            <translation>On now</translation>
        </message>
    </context>
    <context>
        <name>EventView</name>
        <message>
            <location filename="../../kiosk/views/event.py" line="57" />
            <source>Cet événement n'est plus au programme.</source>
            <translation>This event is no longer on the programme.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="58" />
            <source>Touchez « Retour » pour voir les autres.</source>
            <translation>Touch “Back” to see the others.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="73" />
            <source>En ce moment</source>
            <translation>On now</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="77" />
            <source>Lieu</source>
            <translation>Place</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="78" />
            <source>En quelques mots</source>
            <translation>In a few words</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="79" />
            <source>Accessibilité</source>
            <translation>Accessibility</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="80" />
            <source>Tarifs et conditions</source>
            <translation>Prices and conditions</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="81" />
            <source>Inscription</source>
            <translation>Sign-up</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="86" />
            <source>Accessible en fauteuil roulant</source>
            <translation>Wheelchair accessible</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="87" />
            <source>Adapté aux personnes sourdes ou malentendantes</source>
            <translation>Suitable for deaf or hard-of-hearing people</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="88" />
            <source>Adapté aux personnes aveugles ou malvoyantes</source>
            <translation>Suitable for blind or partially sighted people</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="89" />
            <source>Adapté aux personnes en situation de handicap psychique</source>
            <translation>Suitable for people with mental health conditions</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="90" />
            <source>Adapté aux personnes en situation de handicap mental</source>
            <translation>Suitable for people with intellectual disabilities</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="97" />
            <source>De %1 à %2 ans</source>
            <translation>Ages %1 to %2</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="99" />
            <source>À partir de %1 ans</source>
            <translation>Ages %1 and up</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="104" />
            <source>Cet événement est annulé : pas d'inscription.</source>
            <translation>This event is cancelled: no sign-up.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="106" />
            <source>C'est complet : plus d'inscription possible.</source>
            <translation>It is full: sign-up is closed.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="108" />
            <source>Sur internet</source>
            <translation>Online</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="109" />
            <source>Par e-mail</source>
            <translation>By email</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="110" />
            <source>Par téléphone</source>
            <translation>By phone</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="115" />
            <source>Renseignez-vous à l’accueil du Champ Libre.</source>
            <translation>Ask at the Champ Libre front desk.</translation>
        </message>
    </context>
    <context>
        <name>Freshness</name>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="61" />
            <source>Mis à jour à l'instant</source>
            <translation>Updated just now</translation>
        </message>
        <message numerus="yes">
            <location filename="../../kiosk/views/formatting.py" line="63" />
            <source>Mis à jour il y a %n min</source>
            <translation>
                <numerusform>Updated %n min ago</numerusform>
                <numerusform>Updated %n min ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../kiosk/views/formatting.py" line="64" />
            <source>Mis à jour il y a %n h</source>
            <translation>
                <numerusform>Updated %n hour ago</numerusform>
                <numerusform>Updated %n hours ago</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HomeView</name>
        <message>
            <location filename="../../kiosk/views/home.py" line="89" />
            <source>Bienvenue au Champ Libre</source>
            <translation>Welcome to the Champ Libre</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="90" />
            <source>L.I.V.E, le lieu pour imaginer la ville en mieux. Touchez un grand bouton.</source>
            <translation>L.I.V.E, the place to imagine a better city. Touch a big button.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="91" />
            <source>Le programme</source>
            <translation>What's on</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="91" />
            <source>Ateliers et rencontres du lab</source>
            <translation>Workshops and meetings at the lab</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="92" />
            <source>Sorties près d'ici</source>
            <translation>Outings nearby</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="92" />
            <source>Loisirs et comment y aller</source>
            <translation>Leisure and how to get there</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="93" />
            <source>Activités découverte</source>
            <translation>Discovery activities</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="93" />
            <source>Pour les groupes scolaires</source>
            <translation>For school groups</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="94" />
            <source>Bientôt au Champ Libre</source>
            <translation>Coming up at the Champ Libre</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="107" />
            <source>Le programme arrive. Revenez dans un instant.</source>
            <translation>The programme is on its way. Come back in a moment.</translation>
        </message>
    </context>
    <context>
        <name>NavBar</name>
        <message>
            <location filename="../../kiosk/ui/bars.py" line="61" />
            <source>Retour</source>
            <translation>Back</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/bars.py" line="62" />
            <source>Accueil</source>
            <translation>Home</translation>
        </message>
    </context>
    <context>
        <name>PlacesView</name>
        <message>
            <location filename="../../kiosk/views/places.py" line="44" />
            <source>Sorties et loisirs près d'ici</source>
            <translation>Outings and leisure nearby</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="46" />
            <source>Du plus proche au plus loin. Temps à pied estimé depuis le Champ Libre, à 4,5 km/h.</source>
            <translation>Nearest first. Walking time estimated from the Champ Libre, at 4.5 km/h.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="61" />
            <source>Tout</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="68" />
            <source>Aucun lieu à montrer pour le moment.</source>
            <translation>No places to show for now.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="89" />
            <source>Vous êtes ici</source>
            <translation>You are here</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="93" />
            <source>%1 km
%2 min à pied</source>
            <translation>%1 km
%2 min on foot</translation>
        </message>
    </context>
    <context>
        <name>ProgrammeView</name>
        <message>
            <location filename="../../kiosk/views/programme.py" line="44" />
            <source>Le programme du lab</source>
            <translation>What's on at the lab</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/programme.py" line="60" />
            <source>Tout</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/programme.py" line="69" />
            <source>Rien dans ces catégories pour le moment. Touchez « Tout » pour tout voir.</source>
            <translation>Nothing in these categories for now. Touch “All” to see everything.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/programme.py" line="71" />
            <source>Aucun événement à venir pour le moment. Revenez bientôt !</source>
            <translation>No upcoming events for now. Come back soon!</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="50" />
            <source>Annulé</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="51" />
            <source>Complet</source>
            <translation>Full</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="52" />
            <source>Reporté</source>
            <translation>Postponed</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="53" />
            <source>Date modifiée</source>
            <translation>New date</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="54" />
            <source>En ligne</source>
            <translation>Online</translation>
        </message>
    </context>
</TS>
